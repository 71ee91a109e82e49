import type { IndexDefinition } from '../../schemas/index-definition';
import { DEFAULT_BANDS } from './bands';

/** chiso-v2 (SPEC §3), the default: the target components keep rewarding progress beyond the target. */
export const CHISO_V2: IndexDefinition = {
  id: 'chiso-v2',
  name: 'Chỉ số cải cách chiso-v2',
  nameEn: 'chiso reform index v2',
  version: 1,
  description: '40 × tỷ lệ đúng hạn + 30 × trực tuyến (target-plus) + 30 × toàn trình (target-plus)',
  rounding: 'total',
  components: [
    { code: 'onTimeRate', group: 'progress', measure: 'onTimeRate', rule: 'linear', points: 40, whenEmpty: 'null' },
    { code: 'onlineRate', group: 'online', measure: 'onlineRate', rule: 'target-plus', points: 30, whenEmpty: 'null' },
    { code: 'endToEndRate', group: 'online', measure: 'endToEndRate', rule: 'target-plus', points: 30, whenEmpty: 'null' },
  ],
  bands: DEFAULT_BANDS,
};

/** chiso-v1, kept to compare with earlier reports: each target component is capped at the target. */
export const CHISO_V1: IndexDefinition = {
  id: 'chiso-v1',
  name: 'Chỉ số cải cách chiso-v1',
  nameEn: 'chiso reform index v1',
  version: 1,
  description: '40 × tỷ lệ đúng hạn + 30 × min(1, trực tuyến / chỉ tiêu) + 30 × min(1, toàn trình / chỉ tiêu)',
  rounding: 'total',
  components: [
    { code: 'onTimeRate', group: 'progress', measure: 'onTimeRate', rule: 'linear', points: 40, whenEmpty: 'null' },
    { code: 'onlineRate', group: 'online', measure: 'onlineRate', rule: 'ratio-to-target', points: 30, whenEmpty: 'null' },
    { code: 'endToEndRate', group: 'online', measure: 'endToEndRate', rule: 'ratio-to-target', points: 30, whenEmpty: 'null' },
  ],
  bands: DEFAULT_BANDS,
};
