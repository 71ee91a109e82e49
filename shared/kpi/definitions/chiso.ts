import type { IndexDefinition } from '../../schemas/index-definition';
import { DEFAULT_BANDS } from './bands';

type TargetRule = 'target-plus' | 'ratio-to-target';

/**
 * The chiso index (SPEC §3): 40 points for on time (linear) and 30 each for online and end-to-end, scored against
 * their targets by `rule`. The versions differ only in that rule.
 */
function chisoIndex(version: 'v1' | 'v2', rule: TargetRule, description: string): IndexDefinition {
  return {
    id: `chiso-${version}`,
    name: `Chỉ số cải cách chiso-${version}`,
    nameEn: `chiso reform index ${version}`,
    version: 1,
    description,
    rounding: 'total',
    components: [
      { code: 'onTimeRate', group: 'progress', measure: 'onTimeRate', rule: 'linear', points: 40, whenEmpty: 'null' },
      { code: 'onlineRate', group: 'online', measure: 'onlineRate', rule, points: 30, whenEmpty: 'null' },
      { code: 'endToEndRate', group: 'online', measure: 'endToEndRate', rule, points: 30, whenEmpty: 'null' },
    ],
    bands: DEFAULT_BANDS,
  };
}

/** chiso-v2, the default: the target components keep rewarding progress beyond the target. */
export const CHISO_V2 = chisoIndex('v2', 'target-plus', '40 × tỷ lệ đúng hạn + 30 × trực tuyến (target-plus) + 30 × toàn trình (target-plus)');

/** chiso-v1, kept to compare with earlier reports: each target component is capped at the target. */
export const CHISO_V1 = chisoIndex('v1', 'ratio-to-target', '40 × tỷ lệ đúng hạn + 30 × min(1, trực tuyến / chỉ tiêu) + 30 × min(1, toàn trình / chỉ tiêu)');
