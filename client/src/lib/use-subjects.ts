import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isMeasure } from '../../../shared/domain/measure';
import { formatIndicator, formatMeasure } from './format';
import { useTRPC } from './trpc';

/**
 * Names and formats what a target or flag is about: a measure (its translated label and format) or an indicator
 * code (its catalogue name in the language shown, and its unit).
 */
export function useSubjects() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const catalogue = useQuery(trpc.indicators.list.queryOptions(undefined, { staleTime: 300_000 })).data;
  const lng = i18n.language;
  const find = (code: string) => catalogue?.find((i) => i.code === code);
  return {
    label: (subject: string): string => {
      if (isMeasure(subject)) return t(`measures.${subject}`);
      const indicator = find(subject);
      return indicator ? (lng === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name) : subject;
    },
    format: (subject: string, value: number | null | undefined): string =>
      isMeasure(subject) ? formatMeasure(subject, value, lng, t('measures.days')) : formatIndicator(find(subject)?.unit ?? 'points', value, lng, t('measures.days')),
  };
}
