import type { PillarIndicator } from '../../shared/schemas/programme';
import type { PdfStyle } from './accountability-pdf';
import { count, fill, fixed, type ReportLanguage } from './labels';
import { PILLAR_LABELS } from './pillar-labels';
import type { ReportData } from './report-data';

type Doc = PDFKit.PDFDocument;

/** Units below named on the page; the XLSX lists them all. */
const BELOW_SHOWN = 15;
const COLUMNS = [150, 48, 58, 70, 50, 139];

function figure(row: PillarIndicator, value: number | null, lang: ReportLanguage): string {
  return value === null ? '—' : `${fixed(value, lang)}${row.unit === 'percent' ? ' %' : ''}`;
}

function cells(row: PillarIndicator, lang: ReportLanguage): string[] {
  const P = PILLAR_LABELS[lang];
  const name = lang === 'en' && row.nameEn ? row.nameEn : row.name;
  const targets = row.targets.map((t) => figure(row, t.threshold, lang)).join(' / ');
  const below = row.below.slice(0, BELOW_SHOWN).map((u) => `${u.unitName} ${figure(row, u.value, lang)}${u.periodsBelow > 1 ? ` (${u.periodsBelow})` : ''}`);
  if (row.below.length > BELOW_SHOWN) below.push(fill(P.more, { n: row.below.length - BELOW_SHOWN }));
  return [name, row.period, figure(row, row.cityValue, lang), targets, `${count(row.reported, lang)}/${count(row.units, lang)}`, below.length ? below.join('; ') : P.none];
}

/** One page per pillar (SPEC §6): each indicator with a target, the city's figure against it, and the units below. */
export function pillarPages(doc: Doc, data: ReportData, lang: ReportLanguage, style: PdfStyle): void {
  const P = PILLAR_LABELS[lang];
  const left = doc.page.margins.left;
  for (const section of data.pillars.pillars) {
    doc.addPage();
    style.heading(fill(P.title, { pillar: P.pillars[section.pillar] }));
    if (section.indicators.length === 0) {
      doc.font('regular').fontSize(9).fillColor(style.muted).text(P.noIndicators, left);
      continue;
    }
    const header = () => {
      let x = left;
      const y = doc.y;
      doc.font('bold').fontSize(7).fillColor(style.ink);
      [P.indicator, P.period, P.city, P.target, P.reported, P.below].forEach((label, i) => {
        doc.text(label, x, y, { width: (COLUMNS[i] as number) - 4, lineBreak: false });
        x += COLUMNS[i] as number;
      });
      doc.y = y + 12;
    };
    header();
    for (const row of section.indicators) {
      const texts = cells(row, lang);
      doc.font('regular').fontSize(7);
      const h = Math.max(...texts.map((c, i) => doc.heightOfString(c, { width: (COLUMNS[i] as number) - 4 }))) + 4;
      if (doc.y + h > doc.page.height - doc.page.margins.bottom - 24) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      let x = left;
      texts.forEach((text, i) => {
        const red = (i === 2 && row.cityState === 'below') || (i === 5 && row.below.length > 0);
        doc.fillColor(red ? style.red : style.ink).text(text, x, y, { width: (COLUMNS[i] as number) - 4 });
        x += COLUMNS[i] as number;
      });
      doc.y = y + h;
    }
  }
}
