import type { EscalationLevel } from '../../../../shared/domain/accountability';
import { useLevelName } from '../../lib/use-ladder';

const ICON: Record<EscalationLevel, string> = { reminder: '①', agenda: '②', review: '③' };

/**
 * A rung of the escalation ladder, named in the interface language by the ladder the period was judged with, with its
 * step number so colour is not needed.
 */
export function EscalationBadge({ level, period }: { level: EscalationLevel | null; period: string }) {
  const name = useLevelName(period);
  if (!level) return null;
  return (
    <span className={`badge badge-level badge-level-${level}`}>
      <span aria-hidden="true">{ICON[level]}</span> {name ? name(level) : '…'}
    </span>
  );
}
