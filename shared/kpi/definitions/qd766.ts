import type { IndexComponent, IndexDefinition } from '../../schemas/index-definition';
import { DEFAULT_BANDS } from './bands';

export const QD766_GROUPS = ['transparency', 'progress', 'online', 'digitized', 'satisfaction', 'payment'] as const;

type Component = Omit<IndexComponent, 'group' | 'whenEmpty'>;
const group = (g: (typeof QD766_GROUPS)[number], whenEmpty: IndexComponent['whenEmpty'], ...cs: Component[]): IndexComponent[] =>
  cs.map((c) => ({ ...c, group: g, whenEmpty }));
const reported = (code: string, points: number, threshold?: number): Component =>
  threshold === undefined ? { code, indicator: code, rule: 'linear', points } : { code, indicator: code, rule: 'threshold', points, threshold };

/**
 * The national service index of Quyết định 766/QĐ-TTg as scored on the National Public Service Portal (SPEC §7,
 * shared/data/methodology/qd766-indicators.json): six groups, 100 points, each component rounded half-up to 2
 * decimals and summed. "min(max, max × ratio / 100)" is the threshold rule with T = 100.
 */
export const QD766: IndexDefinition = {
  id: 'qd766',
  name: 'Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)',
  nameEn: 'National service index (Decision 766/QD-TTg)',
  version: 1,
  description: 'Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp theo Quyết định 766/QĐ-TTg; công thức khớp điểm công bố trên Cổng DVCQG.',
  rounding: 'components',
  components: [
    ...group('transparency', 'null', reported('PUBLISH_ON_TIME', 6), reported('PUBLIC_UPDATE_ON_TIME', 4), reported('PUBLIC_CONTENT_FULL', 2), reported('DOSSIER_SYNC', 6)),
    ...group('progress', 'zero', { code: 'ON_TIME', measure: 'onTimeRate', rule: 'linear', points: 20 }),
    ...group('online', 'null', reported('ONLINE_SERVICES_OFFERED', 2, 80), reported('ONLINE_SERVICES_USED', 4)),
    ...group('online', 'zero', { code: 'ONLINE_SUBMISSION', measure: 'onlineRate', rule: 'threshold', points: 6, threshold: 50 }),
    ...group(
      'digitized', 'null',
      { code: 'ORIGINAL_RESULT_AVAILABLE', measure: 'eResultShare', rule: 'threshold', points: 6, threshold: 100 },
      { code: 'SO_HOA_GIAY_TO_GIAI_QUYET', measure: 'digitizedShare', rule: 'threshold', points: 4, threshold: 100 },
      reported('REUSED_DIGITIZED_DATA', 2, 80),
      reported('ELECTRONIC_CERTIFIED_COPY', 2, 100),
      reported('SYNCED_WITH_DVCQG_PERSONAL_STORAGE', 4, 100),
      reported('CITIZEN_DATA_CONNECTED_DOSSIER', 2, 100),
      reported('CITIZEN_DATA_CONNECTED_FORMALITY', 2, 100),
    ),
    ...group('satisfaction', 'full', reported('PETITION_PROCESSING_ON_TIME', 6), reported('PETITION_HANDLING_SATISFACTION', 6)),
    ...group('satisfaction', 'zero', reported('DOSSIER_RECEIVING_SATISFACTION', 6, 90)),
    ...group('payment', 'zero', { code: 'DOSSIER_ONLINE_PAYMENT', measure: 'onlinePaymentRate', rule: 'linear', points: 6 }),
    ...group('payment', 'zero', reported('FORMALITY_ONLINE_PAYMENT', 2, 80), reported('FORMALITY_FEE_ON_PORTAL', 2, 80)),
  ],
  bands: DEFAULT_BANDS,
};
