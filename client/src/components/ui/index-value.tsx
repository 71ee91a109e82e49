import { useTranslation } from 'react-i18next';
import type { ComponentScore } from '../../../../shared/schemas/index-definition';
import { formatFixed } from '../../lib/format';

interface Props {
  index: number | null;
  coverage: number;
  components: readonly ComponentScore[];
}

/**
 * An index with its component points on hover, and, when some components have no data (the 766 index before units
 * report), how many points it is out of: "61,39 / 88 điểm có số liệu".
 */
export function IndexValue({ index, coverage, components }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const full = components.reduce((sum, c) => sum + c.maxPoints, 0);
  const breakdown = components
    .map((c) => `${t(`components.${c.code}`, { defaultValue: c.code })}: ${c.points === null ? '—' : formatFixed(c.points, lng)} / ${formatFixed(c.maxPoints, lng)}`)
    .join('\n');
  return (
    <span title={breakdown}>
      {formatFixed(index, lng)}
      {index !== null && coverage < full && (
        <span className="coverage muted"> {t('index.outOf', { covered: formatFixed(coverage, lng) })}</span>
      )}
    </span>
  );
}
