interface Props {
  values: readonly (number | null)[];
  label: string;
  target?: number | null;
}

const W = 120;
const H = 28;

/**
 * A 12-period line in a few hundred bytes of SVG (no chart library on the overview): the axis spans the values and
 * the target, so a gap between 98,5 and 100 stays visible.
 */
export function Sparkline({ values, label, target = null }: Props) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const lo = Math.min(...known, target ?? Infinity);
  const hi = Math.max(...known, target ?? -Infinity);
  const span = hi - lo || 1;
  const x = (i: number) => (i / (values.length - 1)) * (W - 4) + 2;
  const y = (v: number) => H - 3 - ((v - lo) / span) * (H - 6);
  const points = values.flatMap((v, i) => (v === null ? [] : [`${x(i).toFixed(1)},${y(v).toFixed(1)}`])).join(' ');
  const last = values.length - 1;
  const lastValue = values[last];
  return (
    <svg className="sparkline" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {target !== null && <line x1={0} x2={W} y1={y(target)} y2={y(target)} stroke="var(--series-target)" strokeDasharray="3 3" strokeWidth={1} />}
      <polyline points={points} fill="none" stroke="var(--series-1)" strokeWidth={1.8} />
      {lastValue != null && <circle cx={x(last)} cy={y(lastValue)} r={2.5} fill="var(--series-1)" />}
    </svg>
  );
}
