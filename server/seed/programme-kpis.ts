import type { Indicator } from '../../shared/domain/indicator';

const COMMUNES: Indicator['kinds'] = ['ward', 'commune', 'special_zone'];

/**
 * Hà Nội's programme KPIs of the three pillars as reported in the press (cải cách hành chính, chuyển đổi số, Đề án 06):
 * real definitions; the demo's values for them are synthetic.
 */
export const HANOI_PROGRAMME_KPIS: readonly Indicator[] = [
  {
    code: 'DA06_VNEID_APPLICATIONS', name: 'Hồ sơ cấp tài khoản định danh điện tử mức 2 so với chỉ tiêu giao', nameEn: 'Level-2 e-ID (VNeID) applications against the quota',
    pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'month', kinds: COMMUNES, description: 'Tử số: hồ sơ đã thu nhận; mẫu số: chỉ tiêu được giao trong tháng (Đề án 06).',
  },
  {
    code: 'DA06_VNEID_ACTIVATED', name: 'Tỷ lệ tài khoản định danh điện tử đã kích hoạt', nameEn: 'Share of e-ID accounts activated',
    pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'month', kinds: COMMUNES, description: 'Tài khoản đã kích hoạt / tài khoản đã cấp.',
  },
  {
    code: 'DA06_CITIZEN_DATA_CLEAN', name: 'Tỷ lệ dữ liệu dân cư "đúng, đủ, sạch, sống"', nameEn: 'Population records correct, complete, clean and current',
    pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'month', kinds: COMMUNES, description: 'Bản ghi đã làm sạch, xác thực / tổng bản ghi của địa bàn.',
  },
  {
    code: 'DA06_JUDICIAL_RECORD_VNEID', name: 'Tỷ lệ phiếu lý lịch tư pháp cấp qua VNeID', nameEn: 'Judicial-record certificates requested through VNeID',
    pillar: 'da06', unit: 'percent', direction: 'higher', frequency: 'month', kinds: ['department'], description: 'Phiếu cấp qua ứng dụng VNeID / tổng số phiếu cấp.',
  },
  {
    code: 'CDS_ESSENTIAL_SERVICES', name: 'Dịch vụ công thiết yếu cung cấp toàn trình (25 dịch vụ)', nameEn: 'Essential online public services provided end-to-end (of 25)',
    pillar: 'cds', unit: 'percent', direction: 'higher', frequency: 'month', kinds: ['department'], description: 'Số dịch vụ thiết yếu thuộc thẩm quyền đã cung cấp toàn trình / số dịch vụ thiết yếu thuộc thẩm quyền.',
  },
  {
    code: 'CDS_NON_CASH_PAYMENT', name: 'Tỷ lệ giao dịch thanh toán không dùng tiền mặt', nameEn: 'Share of non-cash payments',
    pillar: 'cds', unit: 'percent', direction: 'higher', frequency: 'month', kinds: [], description: 'Giao dịch thanh toán phí, lệ phí không dùng tiền mặt / tổng giao dịch.',
  },
];
