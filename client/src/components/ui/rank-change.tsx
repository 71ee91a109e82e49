import { useTranslation } from 'react-i18next';

export function RankChange({ change }: { change: number | null }) {
  const { t } = useTranslation();
  if (change === null) return <span className="muted">—</span>;
  if (change === 0) return <span className="muted" title={t('rankings.same')}>=</span>;
  const up = change > 0;
  const label = t(up ? 'rankings.up' : 'rankings.down', { count: Math.abs(change) });
  return (
    <span className={up ? 'change-up' : 'change-down'} title={label} aria-label={label}>
      {up ? '▲' : '▼'} {Math.abs(change)}
    </span>
  );
}
