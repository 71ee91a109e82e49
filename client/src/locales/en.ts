import type { vi } from './vi';
import { measureLabels } from '../../../shared/kpi/measure-table';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof vi> = {
  app: { name: 'chiso', tagline: 'Administrative reform index', demo: 'Demo data: the dossiers are synthetic; the units and their names are real.', skip: 'Skip to main content' },
  nav: { programme: 'Programme KPIs', reports: 'Reports', admin: 'Admin', overview: 'Overview', rankings: 'Rankings', flags: 'Flags', targets: 'Targets', imports: 'Imports', main: 'Main navigation' },
  language: { switchTo: 'Tiếng Việt', label: 'Change language' },
  period: { label: 'Period', week: 'Week', month: 'Month', quarter: 'Quarter', year: 'Year', range: 'Date range', from: 'From', to: 'To', apply: 'Apply', kind: 'Period type', cutOff: 'Data as of {{date}}', span: '{{from}} – {{to}}', inProgress: 'period in progress' },
  groups: { commune: 'Communes and wards', department: 'Departments' },
  kinds: { ward: 'Ward', commune: 'Commune', special_zone: 'Special zone', department: 'Department' },
  measures: {
    ...measureLabels('en'),
    received: 'Dossiers received', index: 'Index', days: 'days',
  },

  states: { below: 'Below target', 'at-risk': 'At risk', met: 'Met', 'no-data': 'No data', insufficient: 'Too few dossiers to rank' },
  ratings: { 'Xuất sắc': 'Excellent', 'Tốt': 'Good', 'Khá': 'Fair', 'Trung bình': 'Average', 'Yếu': 'Weak' },
  status: { loading: 'Loading figures…', error: 'Could not load the figures: {{message}}', retry: 'Try again', empty: 'No figures for this period.' },
  overview: {
    title: 'Overview', city: 'Whole city', target: 'Target {{value}}', noTarget: 'No target set', change: '{{value}} vs {{period}}',
    unitsBelow: '{{count}} of {{total}} units below target', longest: 'Longest below target', periodsBelow_one: '{{count}} period in a row', periodsBelow_other: '{{count}} periods in a row',
    distribution: 'Units by state', deadline: 'due {{date}}', received: '{{n}} dossiers', overdue: 'overdue', points: 'pp',
    changeSameTime: '{{value}} against the same point of {{period}}', meanIndex: 'Mean index', indexPoints: 'points', since: 'since {{period}}',
    best: 'Highest index', worst: 'Lowest index', series: '{{measure}}, {{from}} to {{to}}',
  },
  rankings: {
    title: 'Rankings', search: 'Find a unit', allKinds: 'All kinds', allStates: 'All states', flagged: 'Below a target', atRisk: 'At risk', met: 'Meets every target',
    rank: 'Rank', change: 'Change', unit: 'Unit', rating: 'Rating', flags: 'Flags', unranked: 'Not ranked (fewer than {{min}} dossiers in the period)', count: '{{shown}} of {{total}} units',
    up: 'up {{count}}', down: 'down {{count}}', same: 'unchanged', new: 'new', sortBy: 'Sort by {{column}}', none: 'No unit matches.',
  },
  flags: { title: 'Units below target', head: 'Accountable head', failed: 'Targets missed', gap: 'Gap', weeksBelow: 'Periods in a row', none: 'No unit is below target in this period.' },
  accountability: {
    level: 'Escalation', allLevels: 'All levels', commitment: 'Explanation and commitment', noExplanation: 'No explanation', due: 'due {{date}}', judgedIn: 'judged on {{period}}',
    states: { open: 'Open', met: 'Met', missed: 'Missed' },
    title: 'Explanations and corrective commitments', history: 'Explanations so far', none: 'No explanation yet.', write: 'Send an explanation and a commitment',
    measure: 'Target missed', explanation: 'Explanation (causes)', action: 'Corrective action', dueDate: 'Due by', submit: 'Send',
    sent: 'The explanation and commitment are recorded.', chars: '{{count}} / {{max}} characters', period: 'Period', writtenBy: '{{who}}, {{at}}', nothingBelow: 'The unit is not below any target in this period.',
    decisions: 'Meeting decisions', noDecisions: 'No decision yet.', addDecision: 'Record a meeting decision', decision: 'Decision', owner: 'Follow-up by',
    saveDecision: 'Save the decision', savedDecision: 'The decision is saved.', ladder: 'Escalation ladder', units_one: '{{count}} unit', units_other: '{{count}} units', fromPeriods_one: 'from {{count}} period below', fromPeriods_other: 'from {{count}} periods in a row',
  },
  notices: {
    title: 'Notices', none: 'No notice yet.', escalation: '{{unit}} moved up to “{{level}}”', previous: 'before: {{level}}', noPrevious: 'no level before',
    periodsBelow_one: 'below target for {{count}} period', periodsBelow_other: 'below target for {{count}} periods in a row', digest_one: '{{count}} unit moved up the escalation ladder', digest_other: '{{count}} units moved up the escalation ladder',
    period: 'Period {{period}}', mail: { none: 'not mailed (no address)', pending: 'being mailed', sent: 'mailed', failed: 'could not be mailed' },
    email: 'E-mail', language: 'Language of notices', languages: { vi: 'Tiếng Việt', en: 'English' },
  },
  unit: {
    annex: 'Download the unit annex (PDF)', rankOf: 'Rank {{rank}} of {{total}}', notRanked: 'Not ranked', trend: 'Trend', procedures: 'Procedures pulling the unit down', procedure: 'Procedure', overdue: 'Open overdue dossiers',
    overdueMore: 'Showing {{shown}} of {{total}} dossiers', dossier: 'Dossier', receivedAt: 'Received', dueAt: 'Due', daysOverdue: 'Days overdue', median: 'Median {{value}} · 90 % within {{p90}} days',
    target: 'Target', value: 'Result', noOverdue: 'No overdue dossiers.', head: 'Accountable head', granularity: 'By', notFound: 'There is no unit with the code {{code}}.',
    whatItTakes: 'What it takes to reach the targets this period', gain: 'Points gained', gainHelp: 'Ordered by the percentage points the unit gains if the procedure reaches 100 % ({{measures}}).',
    takes: {
      onlineRate_one: '{{n}} more dossier submitted online (of {{received}}) would reach {{target}}.', onlineRate_other: '{{n}} more dossiers submitted online (of {{received}}) would reach {{target}}.',
      endToEndRate_one: '{{n}} more end-to-end dossier would reach {{target}}.', endToEndRate_other: '{{n}} more end-to-end dossiers would reach {{target}}.',
      onTimeRate_one: '{{n}} more dossier on time would reach {{target}}.', onTimeRate_other: '{{n}} more dossiers on time would reach {{target}}.',
    },
  },
  dates: { invalid: 'Write the date day first, e.g. 21/07/2025.' },
  targets: { confirmDelete: 'Delete this target?', confirm: 'Delete', cancel: 'Cancel', undo: 'Undo', deleted: 'Target {{measure}} ({{scope}}) deleted.', title: 'Targets', measure: 'Measure', scope: 'Applies to', threshold: 'Threshold', effectiveFrom: 'In force from', deadline: 'Deadline', none: 'No targets yet.' },
  imports: {
    title: 'Imports', kind: 'Data', file: 'CSV or XLSX file', upload: 'Import', uploading: 'Importing…', past: 'Past imports', ok: 'Imported {{rows}} rows from {{file}}.',
    refused: 'Refused {{file}}: {{count}} problems found, nothing was written.', when: 'When', rows: 'Rows', outcome: 'Outcome', imported: 'Imported', refusedShort: 'Refused',
    kinds: { units: 'Units', targets: 'Targets', dossiers: 'Dossiers', indicators: 'Indicator catalogue', values: 'Reported values', seed: 'Demo data' },
  },
  auth: {
    title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', submitting: 'Signing in…', logout: 'Sign out',
    signedInAs: 'Signed in: {{name}}', demoHint: 'Demo accounts: leader / leader-demo, admin / admin-demo, officer / officer-demo, head-00070 / head-demo.',
    roles: { leader: 'Leader', unit_head: 'Unit head', data_officer: 'Data officer', admin: 'Administrator' },
  },
  admin: {
    users: 'Accounts', audit: 'Audit trail', units: 'Units', create: 'Create account', save: 'Save', disable: 'Disable', enable: 'Enable', reset: 'Reset password',
    newPassword: 'New password', role: 'Role', unit: 'Unit', name: 'Name / title', status: 'Status', active: 'Active', disabled: 'Disabled', demo: 'demo',
    saved: 'Saved.', exportCsv: 'Download the audit trail (CSV)', when: 'When', who: 'Who', action: 'Action', target: 'Object', change: 'Change', address: 'Address',
    addTarget: 'Add or replace a target', delete: 'Delete', kind: 'Unit kind', code: 'Code', nameEn: 'English name', headName: 'Head', headTitle: 'Title', addUnit: 'Add or edit a unit', edit: 'Edit',
  },
  index: {
    label: 'Index', used: 'Index: {{name}} ({{id}} v{{version}})', coverage: '{{value}} / {{covered}} points with data', outOf: '/ {{covered}} points with data', components: 'Component points',
    component: 'Component', points: 'Points', maxPoints: 'Max', ratio: 'Ratio', source: 'Source', total: 'Total',
    sources: { dossiers: 'Dossiers', reported: 'Reported by the unit', missing: 'No data yet' },
  },
  components: {
    onTimeRate: 'On time', onlineRate: 'Submitted online', endToEndRate: 'End-to-end',
    ON_TIME: 'Dossiers handled early or on time', ONLINE_SUBMISSION: 'Dossiers submitted online', ORIGINAL_RESULT_AVAILABLE: 'Electronic results issued',
    SO_HOA_GIAY_TO_GIAI_QUYET: 'Dossiers digitised', DOSSIER_ONLINE_PAYMENT: 'Dossiers paid online',
    PUBLISH_ON_TIME: 'Procedures published on time', PUBLIC_UPDATE_ON_TIME: 'Procedures updated on time', PUBLIC_CONTENT_FULL: 'Procedures published in full',
    DOSSIER_SYNC: 'Dossiers synced to the national portal', ONLINE_SERVICES_OFFERED: 'Procedures offered online', ONLINE_SERVICES_USED: 'Online services used',
    REUSED_DIGITIZED_DATA: 'Digitised data reused', ELECTRONIC_CERTIFIED_COPY: 'Electronic certified copies', SYNCED_WITH_DVCQG_PERSONAL_STORAGE: 'Digitised data shared for reuse',
    CITIZEN_DATA_CONNECTED_DOSSIER: 'Dossiers using population data', CITIZEN_DATA_CONNECTED_FORMALITY: 'Procedures connected to population data',
    PETITION_PROCESSING_ON_TIME: 'Petitions handled on time', PETITION_HANDLING_SATISFACTION: 'Satisfaction with petition handling', DOSSIER_RECEIVING_SATISFACTION: 'Satisfaction with dossier handling',
    FORMALITY_ONLINE_PAYMENT: 'Procedures with online payment', FORMALITY_FEE_ON_PORTAL: 'Fee-bearing procedures on the portal',
  },
  componentGroups: { progress: 'Progress', online: 'Online services', transparency: 'Transparency', digitized: 'Digitisation', satisfaction: 'Satisfaction', payment: 'Online payment' },
  whyRank: {
    title: 'Why the rank moved', before: 'Previous', now: 'This period', change: 'Change', byComponent: 'Points by component',
    summary: 'Since {{period}}: index {{before}} → {{now}} ({{change}} points).', rank: 'Rank {{before}} → {{now}}.',
    overtakenBy: 'Overtaken by: {{names}}.', overtook: 'Overtook: {{names}}.',
  },
  whatIf: { title: 'What if…', moreOnline: 'More dossiers online', compute: 'Compute', result: 'The index would be {{index}} ({{change}} points), rank {{rank}} (now rank {{before}}).' },
  forecast: {
    title: 'Forecast to the target deadline', reaches: 'reaches {{target}} around {{period}} (deadline {{deadline}})', 'not-before-deadline': 'does not reach {{target}} before the deadline {{deadline}}',
    'no-progress': 'no trend towards {{target}} yet (deadline {{deadline}})', 'deadline-passed': 'deadline {{deadline}} passed without reaching {{target}}',
    how: '— trend {{slope}} points a period, least-squares line through the last {{n}} periods',
  },
  indexes: {
    title: 'Index definitions', help: 'Each index is data (JSON): components, scoring rules, rounding, rating bands. Edit one and save it as a new version; reports already made keep the version they used.',
    name: 'Name', origin: 'Origin', shipped: 'Ships with chiso', newVersion: 'Edit as a new version', json: 'Definition (JSON)', save: 'Save new version', notJson: 'This is not valid JSON.',
  },
  programme: {
    title: 'Programme KPI reports', round: 'Reporting period', indicator: 'Indicator', all: 'All', due: 'Due {{date}}', yourUnit: "Your unit's indicators to report",
    state: 'State', report: 'Report', numerator: 'Numerator', denominator: 'Denominator', value: 'Value', note: 'Note', send: 'Send', correct: 'Correct', sent: 'Sent.',
    by: 'Reported by', return: 'Return', comment: 'Why it is returned', sendBack: 'Return', returnedWith: 'Returned by the city: {{comment}}',
    notReported: 'Not reported, returned or late: {{count}}',
    status: { reported: 'Reported', returned: 'Returned', missing: 'Not reported', late: 'Late' },
    pillars: { cchc: 'Administrative reform', cds: 'Digital transformation', da06: 'Project 06', other: 'Other' },
  },
  reports: {
    title: 'Weekly reports', generate: 'Generate', generating: 'Generating…', format: 'Format', language: 'Language', regenerate: 'Make a new version', period: 'Period',
    version: 'Version', cutOff: 'Data as of', generated: 'Generated', trigger: 'Source', size: 'Size', download: 'Download', none: 'No reports yet.',
    triggers: { manual: 'Manual', schedule: 'Scheduled (Monday)', cli: 'Command line' },
  },
  form06: {
    title: 'Form 06/VPCP/KSTT', subtitle: 'Status and results of administrative procedures at the units that handle them (Circular 01/2020/TT-VPCP)',
    group: 'Units', allGroups: 'All (communes, then departments)', download: 'Download the form (XLSX)', stt: 'No.', unit: 'Unit', total: 'Total', snapshot: 'Form 06 · {{period}}',
    head: {
      received: 'Dossiers to handle', result: 'Results', total: 'Total', newlyReceived: 'Of which newly received', carriedOver: 'Carried over',
      resolved: 'Resolved', pending: 'In progress', online: 'Online', offline: 'At the counter or by post',
      early: 'Before the due date', onTime: 'On the due date', late: 'Late', withinDeadline: 'Not yet due', overdue: 'Overdue',
    },
  },
};
