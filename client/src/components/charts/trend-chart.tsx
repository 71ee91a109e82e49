import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TrendPoint {
  label: string;
  value: number | null;
  target: number | null;
}

interface Props {
  points: readonly TrendPoint[];
  valueName: string;
  targetName: string;
  deadline: { label: string; name: string } | null;
  format: (v: number) => string;
  /** The y-axis; it need not start at 0 (the caller says so beside the chart). */
  domain: [number | 'auto', number | 'auto'];
}

/** A measure over time with its target as a stepped dashed line and the deadline marked. */
export function TrendChart({ points, valueName, targetName, deadline, format, domain }: Props) {
  return (
    <div className="chart" role="img" aria-label={`${valueName}: ${points.map((p) => `${p.label} ${p.value === null ? '—' : format(p.value)}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={24} />
          <YAxis domain={domain} allowDataOverflow tick={{ fontSize: 12 }} tickFormatter={(v: number) => format(v)} width={64} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : String(v))} />
          <Legend />
          {/* Dots, so a value between two periods without data is still seen; a period without data is a gap. */}
          <Line type="monotone" dataKey="value" name={valueName} stroke="var(--series-1)" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="target" name={targetName} stroke="var(--series-target)" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          {deadline && <ReferenceLine x={deadline.label} stroke="var(--series-target)" label={{ value: deadline.name, position: 'insideTopRight', fontSize: 12 }} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
