import { useTranslation } from 'react-i18next';
import type { FlagState } from '../../../../shared/schemas/ranking';

const ICON: Record<FlagState, string> = { below: '▼', 'at-risk': '!', met: '✓', 'no-data': '–' };

/** A flag state in words and an icon, never in colour alone. */
export function StateBadge({ state, label }: { state: FlagState; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${state}`}>
      <span aria-hidden="true">{ICON[state]}</span> {label ?? t(`states.${state}`)}
    </span>
  );
}
