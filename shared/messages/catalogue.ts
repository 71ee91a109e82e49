/**
 * Every message the server can send a person, as a code with parameters (decision 023). Each entry declares its
 * parameters and its English text; the Vietnamese text is in vi.ts, and the dashboard renders either one through
 * i18next. The English text is also what the CLI prints and what API clients read in `reason` and `message`.
 *
 * A parameter is `text` (shown as given: codes, line numbers, years, cell references), `count` (a quantity, grouped
 * as the language writes numbers: 5,000,000 or 5.000.000) or `date` (`YYYY-MM-DD`, shown as dd/mm/yyyy).
 */
export type ParamKind = 'text' | 'count' | 'date';

interface Entry {
  params: Readonly<Record<string, ParamKind>>;
  en: string;
}

const SAVE_AS_UTF8 = 'save it as "CSV UTF-8 (Comma delimited)" in Excel, or as UTF-8 in your editor, and import it again';
const NONE = {} as const;
const LINE = { line: 'text' } as const;

export const MESSAGES = {
  // A cell of any import, before its column's own rules
  'import.cell.formula': { params: { ref: 'text' }, en: 'cell {{ref}} is a formula without a saved value: open and save the file in Excel, or paste values' },
  'import.cell.controlInNote': { params: { char: 'text' }, en: 'contains a control character ({{char}}): remove it' },
  'import.cell.control': { params: { char: 'text' }, en: 'contains a control character ({{char}}): write it on one line, as printed, without tabs or line breaks' },
  'import.cell.wrongEncoding': { params: NONE, en: 'contains "\ufffd", the mark of text read with the wrong encoding: export the file again as UTF-8 ("CSV UTF-8" in Excel) or as XLSX' },
  'import.cell.tooLong': { params: { max: 'count' }, en: 'is longer than {{max}} characters' },
  'import.cell.required': { params: NONE, en: 'is empty, but this column is required' },
  'import.row.duplicate': { params: LINE, en: 'appears twice in this file: first on line {{line}}' },
  // The header row
  'import.header.missingOne': { params: { column: 'text' }, en: 'the header row lacks the required column {{column}}' },
  'import.header.missingMany': { params: { columns: 'text' }, en: 'the header row lacks the required columns {{columns}}' },
  'import.header.repeated': { params: { field: 'text', count: 'count', columns: 'text' }, en: 'the header row names {{field}} {{count}} times, in columns {{columns}}: delete all but one' },
  'import.header.synonyms': { params: { field: 'text', count: 'count', columns: 'text' }, en: 'the header row has {{count}} columns that mean {{field}}, {{columns}}: delete or rename all but one' },
  'import.header.noEndToEnd': { params: NONE, en: 'the header row has neither an end_to_end (toàn trình) nor a service level (mức độ) column, so end-to-end dossiers cannot be told apart' },
  // The file as a whole, CSV or XLSX
  'import.file.empty': { params: NONE, en: 'the file is empty' },
  'import.file.noHeader': { params: { rows: 'count', min: 'count' }, en: 'no header row found: none of the first {{rows}} rows names at least {{min}} known columns' },
  'import.file.noData': { params: NONE, en: 'the file has a header row but no data rows' },
  'import.file.tooManyRows': { params: { max: 'count' }, en: 'the file has more than {{max}} rows: split it into files of at most {{max}} rows' },
  'import.file.oldExcel': { params: NONE, en: 'the file is an Excel 97–2003 workbook (.xls) or a password-protected one: save it as "Excel Workbook (.xlsx)" or "CSV UTF-8" without a password' },
  'import.csv.recordTooLong': { params: { line: 'text', max: 'count' }, en: 'the row that starts on line {{line}} is longer than {{max}} characters: a quote (") is probably not closed' },
  'import.csv.notUtf8': { params: NONE, en: `the file is not UTF-8 text, and this server cannot read other encodings: ${SAVE_AS_UTF8}` },
  'import.csv.badUtf8': { params: NONE, en: `the file is not valid UTF-8 text: ${SAVE_AS_UTF8}` },
  'import.csv.badUtf16': { params: NONE, en: `the file is not valid UTF-16 text: ${SAVE_AS_UTF8}` },
  'import.xlsx.notWorkbook': { params: NONE, en: 'the file is a zip archive but not an Excel workbook (.xlsx): save it from Excel as "Excel Workbook" or as "CSV UTF-8"' },
  'import.xlsx.noSheet': { params: NONE, en: 'the workbook has no worksheet' },
  'import.xlsx.partTooLarge': { params: { part: 'text', mb: 'count' }, en: 'the workbook\'s part {{part}} unpacks to more than {{mb}} MB: save the sheet as "CSV UTF-8" and import that' },
  'import.xlsx.sheetTooLarge': { params: NONE, en: 'the sheet unpacks to more than 4 GB: split it into smaller files' },
  'import.xlsx.textTooLong': { params: { max: 'count' }, en: 'the workbook holds a text longer than {{max}} characters, more than Excel allows in a cell: it is damaged' },
  'import.xlsx.badRow': { params: NONE, en: 'the workbook is damaged: a row has no valid number' },
  'import.xlsx.badCell': { params: { ref: 'text' }, en: 'the workbook is damaged: cell "{{ref}}" is not a cell Excel can have' },
  'import.xlsx.cellTooLong': { params: { ref: 'text', max: 'count' }, en: 'cell {{ref}} holds more than {{max}} characters, more than Excel allows: the workbook is damaged' },
  'import.xlsx.missingText': { params: { ref: 'text' }, en: 'the workbook is damaged: cell {{ref}} names a text that is not in the workbook' },
  'import.xlsx.tagTooLong': { params: NONE, en: 'the workbook holds an XML tag longer than 64 KB: it is damaged or not made by a spreadsheet program' },
  'import.xlsx.cutTag': { params: NONE, en: 'the workbook is damaged: one of its parts ends in the middle of a tag' },
  'import.xlsx.dtd': { params: NONE, en: 'the workbook declares a DTD, which no spreadsheet writes: it is not a workbook chiso reads' },
  'import.xlsx.damaged': { params: NONE, en: 'the workbook is damaged (its zip structure cannot be read): open it in Excel, save it again and import the new file' },
  'import.xlsx.tooManyParts': { params: NONE, en: 'the workbook has more parts than any spreadsheet has: it is not a workbook chiso can read' },
  'import.xlsx.encrypted': { params: NONE, en: 'the workbook is password-protected: remove the password in Excel, save it and import it again' },
  // Typed cells
  'import.date.outOfRange': { params: { min: 'text', max: 'text' }, en: 'is outside the years {{min}} to {{max}}: check the year' },
  'import.date.notOnCalendar': { params: NONE, en: 'is not a date on the calendar (dates are written day/month/year, e.g. 21/07/2025, or 2025-07-21)' },
  'import.date.badTime': { params: NONE, en: 'has a time of day that does not exist' },
  'import.date.badOffset': { params: NONE, en: 'has a time-zone offset that is not ±hh:mm' },
  'import.date.offsetWithoutTime': { params: NONE, en: 'has an offset but no time of day' },
  'import.date.unknownFormat': { params: NONE, en: 'is not a date and time in a known format (use 21/07/2025 08:30, 2025-07-21T08:30:00+07:00 or 20250721083000)' },
  'import.date.withTime': { params: NONE, en: 'must be a date without a time of day' },
  'import.cell.notBoolean': { params: NONE, en: 'is not yes or no (write true/false, 1/0, yes/no or có/không)' },
  'import.cell.notChannel': { params: NONE, en: 'is not a channel (online, counter or postal; trực tuyến, trực tiếp or bưu chính; or the codes 2, 1, 3)' },
  'import.cell.notStatus': { params: NONE, en: 'is not a known status (processing, completed, rejected, withdrawn, or a national status code 1–10 or its label)' },
  'import.cell.notServiceLevel': { params: NONE, en: 'is not a service level (1 to 4, or "Mức độ 4")' },
  'import.cell.notNumber': { params: NONE, en: 'is not a number' },
  'import.cell.numberTooLarge': { params: NONE, en: 'is too large to be a number' },
  'import.cell.notCount': { params: NONE, en: 'is not a whole number of 0 or more written in digits (such as 12500 or 12.500)' },
  'import.cell.countTooLarge': { params: NONE, en: 'is too large' },
  'import.cell.unknownUnit': { params: NONE, en: 'is not a known unit' },
  // Dossiers
  'import.dossier.unknownUnit': { params: NONE, en: 'is not a known unit: import the unit first, or correct the code' },
  'import.dossier.receivedLater': { params: { at: 'text' }, en: 'is more than a day after this import ({{at}}): a dossier cannot be received in the future' },
  'import.dossier.completedLater': { params: { at: 'text' }, en: 'is more than a day after this import ({{at}}): a dossier cannot be completed in the future' },
  'import.dossier.returnedLater': { params: { at: 'text' }, en: 'is more than a day after this import ({{at}}): a dossier cannot be returned in the future' },
  'import.dossier.endToEndCounter': { params: NONE, en: 'is yes, but a dossier submitted by counter cannot be done end-to-end online' },
  'import.dossier.endToEndPostal': { params: NONE, en: 'is yes, but a dossier submitted by postal cannot be done end-to-end online' },
  'import.dossier.dueBeforeReceived': { params: NONE, en: 'is before the date the dossier was received' },
  'import.dossier.completedBeforeReceived': { params: NONE, en: 'is before the date the dossier was received' },
  'import.dossier.completedNoDate': { params: NONE, en: 'is missing: the status says the dossier was completed, so it needs a completion date' },
  'import.dossier.rejectedNoDate': { params: NONE, en: 'is missing: the status says the dossier was rejected, so it needs a completion date' },
  // Units
  'import.unit.noCode': { params: NONE, en: 'is empty, but every unit needs a code' },
  'import.unit.noName': { params: NONE, en: 'is empty, but every unit needs its official name' },
  'import.unit.badKind': { params: NONE, en: 'is not a unit kind (ward, commune, special_zone or department; Phường, Xã or Đặc khu)' },
  // Targets
  'import.target.badMeasure': { params: { measures: 'text' }, en: 'is neither a measure (one of {{measures}}) nor an indicator code of the catalogue' },
  'import.target.badKind': { params: NONE, en: 'is not a unit kind (ward, commune, special_zone or department)' },
  'import.target.kindAndUnit': { params: NONE, en: 'is given together with a kind: a target applies to a kind or to one unit, not both' },
  'import.target.noScope': { params: NONE, en: 'is empty, and so is unit_code: say which kind of unit or which unit the target is for' },
  'import.target.rateOver100': { params: NONE, en: 'is over 100, but this measure is a percentage' },
  'import.target.noStart': { params: NONE, en: 'is empty, but a target needs the date it takes effect' },
  'import.target.deadlineBeforeStart': { params: NONE, en: 'is before the date the target takes effect' },
  'import.target.repeated': { params: LINE, en: 'repeats the target on line {{line}} (same measure, scope and date)' },
  // Indicators (the catalogue)
  'import.indicator.badCode': { params: { max: 'count' }, en: 'is not an indicator code (A–Z, 0–9 and _, at most {{max}} characters)' },
  'import.indicator.noName': { params: NONE, en: 'is empty, but every indicator needs a name' },
  'import.indicator.badPillar': { params: { pillars: 'text' }, en: 'is not a pillar ({{pillars}})' },
  'import.indicator.badUnit': { params: { units: 'text' }, en: 'is not a unit of measure ({{units}})' },
  'import.indicator.badDirection': { params: NONE, en: 'is not a direction (higher or lower)' },
  'import.indicator.badFrequency': { params: { frequencies: 'text' }, en: 'is not a frequency ({{frequencies}})' },
  'import.indicator.badKind': { params: { kind: 'text', kinds: 'text' }, en: 'names "{{kind}}", which is not a unit kind ({{kinds}}; separate them with ;)' },
  // Reported values
  'import.value.noIndicator': { params: NONE, en: 'is empty, but every value names its indicator' },
  'import.value.unknownIndicator': { params: NONE, en: 'is not an indicator of the catalogue' },
  'import.value.noUnit': { params: NONE, en: 'is empty, but every value names its unit' },
  'import.value.kindNotReporting': { params: { kinds: 'text' }, en: 'is a unit of a kind that does not report this indicator (it is reported by: {{kinds}})' },
  'import.value.noPeriod': { params: NONE, en: 'is empty, but every value is for a period' },
  'import.value.negative': { params: NONE, en: 'is negative, but a reported figure cannot be' },
  'import.value.fractionIncomplete': { params: NONE, en: 'is empty, but the numerator and the denominator go together' },
  'import.value.valueAndFraction': { params: NONE, en: 'is given together with a numerator and denominator: give one or the other' },
  'import.value.nothing': { params: NONE, en: 'is empty, and so are numerator and denominator: give a value or a numerator and denominator' },
  'import.value.numeratorOver': { params: NONE, en: 'is larger than the denominator, but this indicator is a percentage' },
  'import.value.percentOver100': { params: NONE, en: 'is over 100, but this indicator is a percentage' },
  'import.value.repeated': { params: LINE, en: 'repeats the value on line {{line}} (same indicator, unit and period)' },
  // Periods, wherever one is typed
  'period.notPeriod': { params: { text: 'text' }, en: '"{{text}}" is not a period: write 2025-W30, 2025-07, 2025-Q3, 2025 or 2025-07-01..2025-07-31' },
  'period.yearOutOfRange': { params: { year: 'text' }, en: 'year {{year}} is out of range' },
  'period.badWeek': { params: { year: 'text', weeks: 'text', week: 'text' }, en: '{{year}} has ISO weeks 1 to {{weeks}}, not {{week}}' },
  'period.notOnCalendar': { params: { text: 'text' }, en: '"{{text}}" has a date that is not on the calendar' },
  'period.reversed': { params: { text: 'text' }, en: 'the range {{text}} ends before it starts' },
  // A value a form sent (zod issues, see zod.ts); the field is named beside the message
  'value.empty': { params: NONE, en: 'is empty' },
  'value.tooShort': { params: { min: 'count' }, en: 'is shorter than {{min}} characters' },
  'value.tooLong': { params: { max: 'count' }, en: 'is longer than {{max}} characters' },
  'value.negative': { params: NONE, en: 'is negative' },
  'value.tooSmall': { params: { min: 'count' }, en: 'is less than {{min}}' },
  'value.tooLarge': { params: { max: 'count' }, en: 'is more than {{max}}' },
  'value.notInteger': { params: NONE, en: 'is not a whole number' },
  'value.wrongType': { params: NONE, en: 'is missing or not of the expected type' },
  'value.notOneOf': { params: { values: 'text' }, en: 'is not one of {{values}}' },
  'value.badFormat': { params: NONE, en: 'is not in the expected format' },
  'value.control': { params: NONE, en: 'contains a control character (such as NUL, a tab or a line break): write it on one line, as printed' },
  'value.targetScope': { params: NONE, en: 'a target applies to either a unit kind or one unit, not both and not neither' },
  'value.notDate': { params: NONE, en: 'is not a date on the calendar' },
  'value.fromAfterTo': { params: NONE, en: 'is before the start of the span' },
  'value.invalid': { params: NONE, en: 'is not valid' },
  // Requests and sessions
  'request.invalid': { params: NONE, en: 'The request is not valid.' },
  'server.internal': { params: NONE, en: 'Something went wrong on the server; the error has been logged.' },
  'auth.signIn': { params: NONE, en: 'Sign in first.' },
  'auth.wrong': { params: NONE, en: 'Wrong username or password.' },
  'auth.tooMany': { params: { minutes: 'count' }, en: 'Too many failed sign-ins. Try again in {{minutes}} minute(s).' },
  'auth.beingChecked': { params: NONE, en: 'Several sign-ins are being checked at this moment. Try again in a few seconds.' },
  'auth.demoRefused': { params: NONE, en: 'Demo accounts and demo passwords are refused in production. Ask an administrator for an account.' },
  'access.role': { params: NONE, en: 'Your role does not allow this.' },
  'access.otherUnit': { params: NONE, en: 'A unit head sees the detail of their own unit only.' },
  'access.otherUnitAccountability': { params: NONE, en: 'A unit head sees the commitments and decisions of their own unit only.' },
  'access.importRole': { params: NONE, en: 'Only data officers import data.' },
  'password.tooShort': { params: { min: 'count' }, en: 'The password is too short: use at least {{min}} characters (four or more words make a passphrase that is easy to remember).' },
  'password.repeats': { params: NONE, en: 'The password repeats one character or one group of characters; choose one that does not.' },
  'password.hasUsername': { params: NONE, en: 'The password contains the username; choose one that does not.' },
  'password.demo': { params: NONE, en: 'That password is a published demo password; choose another.' },
  'password.common': { params: NONE, en: 'The password is one of the most common passwords, a keyboard walk or a sequence (digits or symbols added do not change that); choose another.' },
  // Saving through the dashboard
  'unit.unknown': { params: { code: 'text' }, en: 'There is no unit with the code "{{code}}".' },
  'user.taken': { params: { username: 'text' }, en: 'The username "{{username}}" is taken.' },
  'user.unknown': { params: { username: 'text' }, en: 'There is no account "{{username}}".' },
  'user.self': { params: NONE, en: 'You cannot disable your own account or take away your own admin role.' },
  'user.unitBinding': { params: NONE, en: 'A unit head is bound to exactly one unit; other roles to none.' },
  'target.rateOver100': { params: NONE, en: 'A rate target cannot be over 100.' },
  'target.deadlineBeforeStart': { params: NONE, en: 'The deadline is before the date the target takes effect.' },
  'target.unknown': { params: NONE, en: 'There is no such target.' },
  'target.unknownMeasure': { params: { measure: 'text' }, en: '"{{measure}}" is not a measure, nor an indicator of the catalogue.' },
  'target.percentOver100': { params: { code: 'text' }, en: 'A target for {{code}}, a percentage, cannot be over 100.' },
  'indicator.unknown': { params: { code: 'text' }, en: '"{{code}}" is not an indicator of the catalogue.' },
  'indicator.notReported': { params: { code: 'text' }, en: 'Units of this kind do not report {{code}}.' },
  'indicator.noValue': { params: NONE, en: 'There is no such reported value to return.' },
  'figure.fractionIncomplete': { params: NONE, en: 'The numerator and the denominator go together.' },
  'figure.both': { params: NONE, en: 'Give a value, or a numerator and a denominator, not both.' },
  'figure.none': { params: NONE, en: 'Give a value, or a numerator and a denominator.' },
  'figure.negative': { params: NONE, en: 'A reported figure is a number of 0 or more.' },
  'figure.numeratorOver': { params: NONE, en: 'The numerator is larger than the denominator, but this indicator is a percentage.' },
  'figure.percentOver100': { params: NONE, en: 'The value is over 100, but this indicator is a percentage.' },
  'index.unknownIndicators': { params: { codes: 'text' }, en: 'These indicators are not in the catalogue: {{codes}}.' },
  'index.unknown': { params: { id: 'text' }, en: 'There is no index definition "{{id}}".' },
  'index.versionTaken': { params: { id: 'text', latest: 'text', next: 'text' }, en: 'Definition "{{id}}" is already at version {{latest}}: save it as version {{next}}.' },
  'ladder.empty': { params: NONE, en: 'The ladder is not valid: it needs at least one level' },
  'ladder.unknownLevel': { params: { level: 'text', levels: 'text' }, en: 'The ladder is not valid: "{{level}}" is not an escalation level ({{levels}})' },
  'ladder.periods': { params: { level: 'text', max: 'count' }, en: 'The ladder is not valid: for {{level}}, the number of periods is a whole number from 1 to {{max}}' },
  'ladder.names': { params: { level: 'text' }, en: 'The ladder is not valid: the level {{level}} needs a Vietnamese and an English name' },
  'ladder.nameTooLong': { params: { level: 'text', max: 'count' }, en: 'The ladder is not valid: a name of the level {{level}} is longer than {{max}} characters' },
  'ladder.nameControl': { params: { level: 'text' }, en: 'The ladder is not valid: a name of the level {{level}} contains a control character' },
  'ladder.order': { params: { level: 'text', previous: 'text', levels: 'text' }, en: 'The ladder is not valid: {{level}} comes after {{previous}}; levels go {{levels}}, each once' },
  'ladder.increasing': { params: { level: 'text', previous: 'text', periods: 'count', previousPeriods: 'count' }, en: 'The ladder is not valid: {{level}} must start later than {{previous}} ({{periods}} ≤ {{previousPeriods}} periods)' },
  'ladder.tooEarly': { params: { today: 'date', date: 'date' }, en: 'A ladder takes effect today ({{today}}) or later, not {{date}}: periods already judged keep their ladder.' },
  'ladder.tooLate': { params: { latest: 'date', date: 'date' }, en: 'A ladder takes effect within a year (by {{latest}}), not {{date}}.' },
  'commitment.noTarget': { params: { unit: 'text', measure: 'text', period: 'text' }, en: '{{unit}} has no target for "{{measure}}" in {{period}}: a commitment answers a measure or indicator that is below its target.' },
  'commitment.notBelow': { params: { unit: 'text', measure: 'text', period: 'text' }, en: '{{unit}} is not below its target for "{{measure}}" in {{period}}: a commitment answers a measure that is below target.' },
  'due.passed': { params: { date: 'date' }, en: 'the due date {{date}} has passed' },
  'due.tooEarly': { params: { date: 'date', earliest: 'date', period: 'text' }, en: 'the due date {{date}} is before {{earliest}}: a commitment on {{period}} is judged on the periods after it, so it is due at the end of the next one at the earliest' },
  'due.tooLate': { params: { date: 'date', days: 'count', period: 'text', latest: 'date' }, en: 'the due date {{date}} is more than {{days}} days after {{period}} ({{latest}} at the latest)' },
  'analytics.badAsOf': { params: { asOf: 'text' }, en: '"{{asOf}}" is not a date and time (ISO 8601)' },
  'analytics.tooManyPoints': { params: { count: 'count', max: 'count' }, en: 'That span has {{count}} periods; ask for at most {{max}}.' },
  // Uploads (POST /api/imports)
  'upload.post': { params: NONE, en: 'Send the file with POST.' },
  'upload.noFileName': { params: NONE, en: 'Files are imported from the dashboard only: the request lacks the X-File-Name header with the file\'s name.' },
  'upload.otherSite': { params: { origin: 'text' }, en: 'Files are imported from the dashboard only: this request came from another site ({{origin}}).' },
  'upload.kind': { params: NONE, en: 'Say what the file holds: ?kind=units, targets, dossiers, indicators or values.' },
  'upload.badFileName': { params: NONE, en: 'Write the file name in X-File-Name URL-encoded (as encodeURIComponent does).' },
  'upload.tooLarge': { params: { mb: 'count' }, en: 'The file is larger than {{mb}} MB, the most one upload may send: split it into smaller files.' },
  // Evidence files of reported values (POST and GET /api/evidence)
  'evidence.key': { params: NONE, en: 'Name the reported value the file is evidence of: ?indicator=…&unit=…&period=….' },
  'evidence.role': { params: NONE, en: 'Only the unit\'s head, data officers and admins attach evidence to a reported value.' },
  'evidence.otherUnit': { params: NONE, en: 'A unit head attaches evidence to their own unit\'s values only.' },
  'evidence.noValue': { params: { indicator: 'text', unit: 'text', period: 'text' }, en: 'There is no reported value of {{indicator}} for {{unit}} in {{period}}: report the value first, then attach its evidence.' },
  'evidence.tooLarge': { params: { mb: 'count' }, en: 'The file is larger than {{mb}} MB, the most an evidence file may be: attach a smaller scan, or the letter as PDF.' },
  'evidence.empty': { params: NONE, en: 'The file is empty.' },
  'evidence.type': { params: NONE, en: 'By its content, the file is not a PDF, PNG, JPEG, XLSX or DOCX document: attach the official letter (PDF or a scan) or the spreadsheet itself.' },
  'evidence.nameMismatch': { params: { name: 'text', kind: 'text' }, en: 'The file is named "{{name}}", but its content is a {{kind}} document: give it the extension of what it is.' },
  'evidence.unknown': { params: NONE, en: 'There is no such evidence file.' },
  // Downloads opened by a link (reports, Biểu 06, annexes, view exports, evidence): refusals, and the page a browser shows
  'report.unknown': { params: NONE, en: 'There is no such report.' },
  'export.unknown': { params: NONE, en: 'There is no such export.' },
  'server.internalQuote': { params: { id: 'text' }, en: 'Something went wrong on the server; nothing was written. Quote {{id}} when you report it.' },
  'download.failed': { params: NONE, en: 'The file could not be downloaded' },
  'download.parameter': { params: { name: 'text' }, en: 'The link’s “{{name}}”' },
  'download.back': { params: NONE, en: 'Back to the dashboard' },
  'download.signIn': { params: NONE, en: 'Sign in' },
} as const satisfies Record<string, Entry>;

export type MessageCode = keyof typeof MESSAGES;
type ParamsOf<C extends MessageCode> = (typeof MESSAGES)[C]['params'];
export type MessageParams<C extends MessageCode> = { readonly [K in keyof ParamsOf<C>]: string | number };

/** One message: a code of the catalogue and the parameters it declares. */
export type Message = { [C in MessageCode]: { code: C; params: MessageParams<C> } }[MessageCode];

export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(MESSAGES, code);
}

/** `msg('import.date.outOfRange', { min: 2000, max: 2100 })`; codes without parameters take none. */
export function msg<C extends MessageCode>(code: C, ...params: keyof ParamsOf<C> extends never ? [] : [MessageParams<C>]): Message {
  return { code, params: params[0] ?? {} } as Message;
}
