import type { Form06HeadKey } from '../../shared/domain/form06';
import type { Period } from '../../shared/schemas/period';
import type { Group } from '../../shared/schemas/unit';
import { isoWeekOf } from '../../shared/kpi/periods';
import { date, dateTime } from './labels';

/** The form's own wording (Thông tư 01/2020/TT-VPCP, Biểu số 06/VPCP/KSTT): it is sent as printed, in Vietnamese. */
export const FORM06_TEXT = {
  code: 'Biểu số 06/VPCP/KSTT',
  basis: 'Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020',
  title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC',
  reporter: 'Đơn vị báo cáo: ………………………',
  receiver: 'Đơn vị nhận báo cáo: ………………………',
  unitOfCount: 'Đơn vị tính: Số hồ sơ TTHC',
  stt: 'STT',
  unit: 'Tên đơn vị',
  total: 'Tổng cộng',
  demo: 'Dữ liệu minh họa (tổng hợp), không phải số liệu thật: không dùng để báo cáo.',
  note: 'Ghi chú: không tính hồ sơ công dân rút và hồ sơ không được tiếp nhận; hồ sơ có kết quả sau thời điểm chốt số liệu tính là đang giải quyết; trả trước hạn: có kết quả trước ngày hẹn trả (giờ Việt Nam).',
  place: '……, ngày …… tháng …… năm ……',
  maker: 'NGƯỜI LẬP BIỂU',
  makerSign: '(Ký, ghi rõ họ tên)',
  head: 'THỦ TRƯỞNG ĐƠN VỊ',
  headSign: '(Ký tên, đóng dấu)',
  groups: { commune: 'Cấp xã (xã, phường, đặc khu)', department: 'Cấp tỉnh (sở, ban, ngành)' } satisfies Record<Group, string>,
  head06: {
    received: 'Số hồ sơ nhận giải quyết', result: 'Kết quả giải quyết', total: 'Tổng số', newlyReceived: 'Trong đó: Số mới tiếp nhận',
    carriedOver: 'Từ kỳ trước', resolved: 'Số hồ sơ đã giải quyết', pending: 'Số hồ sơ đang giải quyết', online: 'Trực tuyến',
    offline: 'Trực tiếp, dịch vụ bưu chính', early: 'Trả trước hạn', onTime: 'Trả đúng thời hạn', late: 'Trả quá hạn', withinDeadline: 'Chưa đến hạn', overdue: 'Quá hạn',
  } satisfies Record<Form06HeadKey, string>,
  /** The numbering row under the header, with the form's sums. */
  numbers: ['(1)', '(2)', '(3)=(4)+(5)+(6)', '(4)', '(5)', '(6)', '(7)=(8)+(9)+(10)', '(8)', '(9)', '(10)', '(11)=(12)+(13)', '(12)', '(13)'],
};

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Quý III/2025 (từ ngày 01/07/2025 đến ngày 30/09/2025)", as official reports name their period. */
export function periodLine(p: Period): string {
  const [y, m] = p.startDate.split('-').map(Number) as [number, number];
  const span = `từ ngày ${date(p.startDate)} đến ngày ${date(p.endDate)}`;
  const name: Record<Period['kind'], () => string> = {
    week: () => `Tuần ${isoWeekOf(p.start).week}/${isoWeekOf(p.start).isoYear}`,
    month: () => `Tháng ${m}/${y}`,
    quarter: () => `Quý ${ROMAN[Math.floor((m - 1) / 3)]}/${y}`,
    year: () => `Năm ${y}`,
    range: () => '',
  };
  const label = name[p.kind]();
  return `Kỳ báo cáo: ${label ? `${label} (${span})` : span}`;
}

/** "Số liệu tính đến hết ngày 30/09/2025", or the hour when the cut-off falls inside the period. */
export function cutOffLine(p: Period, cutOff: number): string {
  if (cutOff === p.end) return `Số liệu tính đến hết ngày ${date(p.endDate)}`;
  const [day, time] = dateTime(new Date(cutOff).toISOString()).split(' ');
  return `Số liệu tính đến ${time} ngày ${day}`;
}

export const sectionNumber = (i: number): string => ROMAN[i] ?? String(i + 1);
