import { useTranslation } from 'react-i18next';
import type { EscalationLevel } from '../../../../shared/domain/accountability';
import { levelName } from '../../../../shared/kpi/escalation';

const ICON: Record<EscalationLevel, string> = { reminder: '①', agenda: '②', review: '③' };

/** A rung of the escalation ladder, named in the interface language, with its step number so colour is not needed. */
export function EscalationBadge({ level }: { level: EscalationLevel | null }) {
  const { i18n } = useTranslation();
  if (!level) return null;
  return (
    <span className={`badge badge-level badge-level-${level}`}>
      <span aria-hidden="true">{ICON[level]}</span> {levelName(level, i18n.language)}
    </span>
  );
}
