import type { Flag } from '../../../../../shared/schemas/ranking';
import { StateBadge } from '../../../components/ui/state-badge';
import { useSubjects } from '../../../lib/use-subjects';

/** The measures and programme KPIs below or near their targets, by name; nothing when all are met. */
export function FlagList({ flags }: { flags: readonly Flag[] }) {
  const subjects = useSubjects();
  const shown = flags.filter((f) => f.state === 'below' || f.state === 'at-risk');
  if (shown.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="flag-list">
      {shown.map((f) => (
        <li key={f.measure}>
          <StateBadge state={f.state} label={`${subjects.label(f.measure)}${f.state === 'below' && f.periodsBelow > 1 ? ` (${f.periodsBelow})` : ''}`} />
        </li>
      ))}
    </ul>
  );
}
