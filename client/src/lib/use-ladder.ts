import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EscalationLevel } from '../../../shared/domain/accountability';
import { useTRPC } from './trpc';

/** The escalation ladder in force for a period (today's when none is named), as the server holds it; it rarely changes. */
export function useLadder(period?: string) {
  const trpc = useTRPC();
  return useQuery(trpc.escalation.ladder.queryOptions(period ? { period } : undefined, { staleTime: 5 * 60_000 }));
}

/**
 * A level's name in the interface language, from the ladder the period was judged with (an admin may rename levels);
 * null until the ladder has loaded.
 */
export function useLevelName(period?: string): ((level: EscalationLevel) => string) | null {
  const { i18n } = useTranslation();
  const ladder = useLadder(period).data;
  if (!ladder) return null;
  return (level) => {
    const step = ladder.steps.find((s) => s.level === level);
    if (!step) return level;
    return i18n.language === 'en' ? step.nameEn : step.name;
  };
}
