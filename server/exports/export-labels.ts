import type { ReportLanguage } from '../reports/labels';

/** The texts of the view exports that the weekly report's labels do not already have. */
const VI = {
  rankingTitle: 'Xếp hạng: {group}', flagsTitle: 'Đơn vị dưới chỉ tiêu', period: 'Kỳ {id} ({from} – {to}){partial}', partial: ', kỳ đang diễn ra',
  index: 'Chỉ số: {name} ({id} v{version})', filters: 'Bộ lọc', none: 'không', search: 'tìm “{q}”', kind: 'loại: {kind}', state: 'trạng thái: {state}',
  sort: 'sắp xếp theo {column} ({dir})', asc: 'tăng dần', desc: 'giảm dần', group: 'nhóm: {group}', measure: 'chỉ tiêu chưa đạt: {measure}', level: 'mức cảnh báo: {level}',
  shown: '{shown}/{total} đơn vị', gap: 'Chênh lệch (điểm %)', unitGroup: 'Nhóm', level_: 'Mức cảnh báo', commitment: 'Giải trình, cam kết', exported: 'Xuất lúc',
  kinds: { ward: 'Phường', commune: 'Xã', special_zone: 'Đặc khu', department: 'Sở, ngành' }, states: { below: 'Có chỉ tiêu chưa đạt', 'at-risk': 'Sát chỉ tiêu', met: 'Đạt tất cả', 'no-data': 'Chưa có số liệu' },
  sheetRanking: 'Xếp hạng', sheetFlags: 'Cảnh báo',
};

const EN: typeof VI = {
  rankingTitle: 'Ranking: {group}', flagsTitle: 'Units below target', period: 'Period {id} ({from} – {to}){partial}', partial: ', in progress',
  index: 'Index: {name} ({id} v{version})', filters: 'Filters', none: 'none', search: 'search “{q}”', kind: 'kind: {kind}', state: 'state: {state}',
  sort: 'sorted by {column} ({dir})', asc: 'ascending', desc: 'descending', group: 'group: {group}', measure: 'target missed: {measure}', level: 'level: {level}',
  shown: '{shown} of {total} units', gap: 'Gap (percentage points)', unitGroup: 'Group', level_: 'Escalation level', commitment: 'Explanation and commitment', exported: 'Exported',
  kinds: { ward: 'Ward', commune: 'Commune', special_zone: 'Special zone', department: 'Department' }, states: { below: 'Below a target', 'at-risk': 'At risk', met: 'Meets every target', 'no-data': 'No data' },
  sheetRanking: 'Ranking', sheetFlags: 'Flags',
};

export const EXPORT_LABELS: Record<ReportLanguage, typeof VI> = { vi: VI, en: EN };
