import type { Pillar } from '../../shared/domain/indicator';
import type { ReportLanguage } from './labels';

const VI = {
  title: 'Chỉ tiêu chương trình: {pillar}', indicator: 'Chỉ tiêu', period: 'Kỳ số liệu', city: 'Toàn thành phố', target: 'Chỉ tiêu giao', reported: 'Đã báo cáo',
  below: 'Đơn vị dưới chỉ tiêu', none: 'Không có', noIndicators: 'Chưa có chỉ tiêu nào của trụ cột này được giao mức.', more: '… và {n} đơn vị khác',
  unit: 'Đơn vị', unitValue: 'Kết quả đơn vị', unitTarget: 'Chỉ tiêu đơn vị', periodsBelow: 'Số kỳ liên tiếp', sheet: 'CT {pillar}',
  pillars: { cchc: 'Cải cách hành chính', cds: 'Chuyển đổi số', da06: 'Đề án 06', other: 'Khác' } as Record<Pillar, string>,
};
const EN: typeof VI = {
  title: 'Programme KPIs: {pillar}', indicator: 'Indicator', period: 'Figures of', city: 'Whole city', target: 'Target', reported: 'Reported',
  below: 'Units below target', none: 'None', noIndicators: 'No indicator of this pillar has a target yet.', more: '… and {n} more units',
  unit: 'Unit', unitValue: 'Unit result', unitTarget: 'Unit target', periodsBelow: 'Periods in a row', sheet: 'KPI {pillar}',
  pillars: { cchc: 'Administrative reform', cds: 'Digital transformation', da06: 'Project 06', other: 'Other' },
};

export const PILLAR_LABELS: Record<ReportLanguage, typeof VI> = { vi: VI, en: EN };
