import type { Indicator } from '../../shared/domain/indicator';
import type { Target } from '../../shared/schemas/target';
import type { UnitKind } from '../../shared/schemas/unit';

const COMMUNES: UnitKind[] = ['ward', 'commune', 'special_zone'];

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

const ALL_KINDS: UnitKind[] = ['ward', 'commune', 'special_zone', 'department'];

/**
 * Demo targets on the programme KPIs (thresholds chosen for the demo, in the spirit of the city's plans) so that the
 * overview's pillar sections compare the city with a target and name the units below it.
 */
export function programmeTargets(): Target[] {
  const base = { unitCode: null, effectiveFrom: '2025-07-01', deadline: null };
  const per = (measure: string, threshold: number, kinds: readonly UnitKind[]): Target[] => kinds.map((kind) => ({ ...base, measure, threshold, kind }));
  return [
    ...per('DA06_VNEID_APPLICATIONS', 70, COMMUNES),
    ...per('DA06_CITIZEN_DATA_CLEAN', 65, COMMUNES),
    ...per('DA06_JUDICIAL_RECORD_VNEID', 60, ['department']),
    ...per('CDS_ESSENTIAL_SERVICES', 80, ['department']),
    ...per('CDS_NON_CASH_PAYMENT', 60, ALL_KINDS),
    ...per('PUBLISH_ON_TIME', 70, ALL_KINDS),
  ];
}
