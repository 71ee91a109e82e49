import type { Measure } from '../../shared/domain/measure';
import { componentLabel } from '../../shared/kpi/component-labels';
import { measureLabels } from '../../shared/kpi/measure-table';

export type ReportLanguage = 'vi' | 'en';

const VI = {
  title: 'BÁO CÁO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH', week: 'Tuần {id} ({from} – {to})', cutOff: 'Số liệu tính đến', generated: 'Lập lúc', definition: 'Định nghĩa chỉ số',
  page: 'Trang {n}/{total}', standing: 'Kết quả so với chỉ tiêu', measure: 'Chỉ tiêu', value: 'Kết quả', target: 'Chỉ tiêu giao', change: 'So với tuần trước', state: 'Đánh giá',
  below: 'Dưới chỉ tiêu', met: 'Đạt', noTarget: 'Chưa giao', unitsBelow: '{count}/{total} đơn vị dưới chỉ tiêu', trend: 'Diễn biến 12 tuần của toàn thành phố',
  ranking: 'Bảng xếp hạng: {group}', rank: 'Hạng', rankChange: '±', unit: 'Đơn vị', index: 'Chỉ số', rating: 'Xếp loại', online: 'Trực tuyến', e2e: 'Toàn trình', onTime: 'Đúng hạn',
  days: 'Ngày', received: 'Hồ sơ', flags: 'Chưa đạt', unranked: 'Chưa xếp hạng (dưới {min} hồ sơ)', flagged: 'Đơn vị dưới chỉ tiêu', head: 'Người đứng đầu', failed: 'Chỉ tiêu chưa đạt',
  weeksBelow: 'Số tuần liên tiếp', none: 'Không có đơn vị nào dưới chỉ tiêu.', groups: { commune: 'Xã, phường', department: 'Sở, ban, ngành' }, demo: 'Dữ liệu minh họa (tổng hợp), không phải số liệu thật.',
  measures: { ...measureLabels('vi'), avgProcessingDays: `${measureLabels('vi').avgProcessingDays} (ngày)` } as Record<Measure, string>,
  annex: 'PHỤ LỤC ĐƠN VỊ', procedures: 'Thủ tục kéo chỉ số xuống', overdue: 'Hồ sơ quá hạn đang xử lý', dossier: 'Mã hồ sơ', dueAt: 'Hẹn trả', daysOverdue: 'Quá hạn (ngày)', rankOf: 'Hạng {rank}/{total}', notRanked: 'Chưa xếp hạng',
  code: 'Mã', overdueOpen: 'Quá hạn đang xử lý', procedure: 'Thủ tục', components: 'Điểm thành phần', component: 'Thành phần', points: 'Điểm', maxPoints: 'Tối đa', previous: 'Kỳ trước', whyRank: 'Vì sao thứ hạng thay đổi (so với {period})',
  overtook: 'Đã vượt', overtakenBy: 'Bị vượt bởi', coverage: '{value} / {covered} điểm có số liệu',
  sheetDefinitions: 'Định nghĩa', sheetFlags: 'Cảnh báo', effectiveFrom: 'Hiệu lực từ', deadline: 'Hạn', scope: 'Áp dụng cho', threshold: 'Ngưỡng',
};

const EN: typeof VI = {
  title: 'ADMINISTRATIVE REFORM INDEX REPORT', week: 'Week {id} ({from} – {to})', cutOff: 'Data as of', generated: 'Generated', definition: 'Index definition',
  page: 'Page {n} of {total}', standing: 'Standing against the targets', measure: 'Measure', value: 'Result', target: 'Target', change: 'Change vs last week', state: 'Assessment',
  below: 'Below target', met: 'Met', noTarget: 'No target', unitsBelow: '{count} of {total} units below target', trend: 'The city over 12 weeks',
  ranking: 'Ranking: {group}', rank: 'Rank', rankChange: '±', unit: 'Unit', index: 'Index', rating: 'Rating', online: 'Online', e2e: 'End-to-end', onTime: 'On time',
  days: 'Days', received: 'Dossiers', flags: 'Below', unranked: 'Not ranked (fewer than {min} dossiers)', flagged: 'Units below target', head: 'Accountable head', failed: 'Targets missed',
  weeksBelow: 'Weeks in a row', none: 'No unit is below target.', groups: { commune: 'Communes and wards', department: 'Departments' }, demo: 'Demo data (synthetic), not real figures.',
  measures: { ...measureLabels('en'), avgProcessingDays: `${measureLabels('en').avgProcessingDays} (days)` },
  annex: 'UNIT ANNEX', procedures: 'Procedures pulling the unit down', overdue: 'Open overdue dossiers', dossier: 'Dossier', dueAt: 'Due', daysOverdue: 'Days overdue', rankOf: 'Rank {rank} of {total}', notRanked: 'Not ranked',
  code: 'Code', overdueOpen: 'Open overdue', procedure: 'Procedure', components: 'Component points', component: 'Component', points: 'Points', maxPoints: 'Max', previous: 'Previous', whyRank: 'Why the rank moved (since {period})',
  overtook: 'Overtook', overtakenBy: 'Overtaken by', coverage: '{value} of {covered} points with data',
  sheetDefinitions: 'Definitions', sheetFlags: 'Flags', effectiveFrom: 'In force from', deadline: 'Deadline', scope: 'Applies to', threshold: 'Threshold',
};

export const LABELS: Record<ReportLanguage, typeof VI> = { vi: VI, en: EN };

/** An index component by its short name, the same as on the dashboard (shared/kpi/component-labels.ts). */
export function componentName(code: string, lang: ReportLanguage): string {
  return componentLabel(code, lang);
}

/** The rating bands' names are Vietnamese (they are data in the index definition); the English report translates the known ones. */
const RATINGS_EN: Record<string, string> = { 'Xuất sắc': 'Excellent', 'Tốt': 'Good', 'Khá': 'Fair', 'Trung bình': 'Average', 'Yếu': 'Weak' };

export function ratingName(rating: string | null, lang: ReportLanguage): string {
  if (rating === null) return '';
  return lang === 'en' ? (RATINGS_EN[rating] ?? rating) : rating;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

const locale = (lang: ReportLanguage) => (lang === 'en' ? 'en-GB' : 'vi-VN');

export function fixed(value: number | null, lang: ReportLanguage): string {
  return value === null ? '—' : new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function count(value: number, lang: ReportLanguage): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(value);
}

export function date(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant in Vietnam time, dd/mm/yyyy HH:mm. */
export function dateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${date(t)} ${t.slice(11, 16)}`;
}
