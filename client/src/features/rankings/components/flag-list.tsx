import { useTranslation } from 'react-i18next';
import type { Flag } from '../../../../../shared/schemas/ranking';
import { StateBadge } from '../../../components/ui/state-badge';

/** The measures below or near their targets, in words; nothing when all are met. */
export function FlagList({ flags }: { flags: readonly Flag[] }) {
  const { t } = useTranslation();
  const shown = flags.filter((f) => f.state === 'below' || f.state === 'at-risk');
  if (shown.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="flag-list">
      {shown.map((f) => (
        <li key={f.measure}>
          <StateBadge state={f.state} label={`${t(`measures.${f.measure}`)}${f.state === 'below' && f.periodsBelow > 1 ? ` (${f.periodsBelow})` : ''}`} />
        </li>
      ))}
    </ul>
  );
}
