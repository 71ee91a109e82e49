import { isMeasure } from '../../shared/domain/measure';
import { LABELS, type ReportLanguage } from './labels';

/** A catalogue entry's names, as far as a report needs them. */
export interface NamedIndicator {
  code: string;
  name: string;
  nameEn: string | null;
}

/** What a target or flag is about, by name: a measure's label, else the indicator's catalogue name, else its code. */
export function subjectLabel(lang: ReportLanguage, code: string, indicators: readonly NamedIndicator[] = []): string {
  if (isMeasure(code)) return LABELS[lang].measures[code];
  const indicator = indicators.find((i) => i.code === code);
  if (!indicator) return code;
  return lang === 'en' ? (indicator.nameEn ?? indicator.name) : indicator.name;
}
