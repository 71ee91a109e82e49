import type { Measure } from '../domain/measure';
import { MEASURE_TABLE } from './measure-table';
import type { QD766_GROUPS } from './definitions/qd766';

type Label = { vi: string; en: string };

/**
 * The short names of index components and component groups, in both languages: the one source for the dashboard's
 * locales and the reports (PDF, XLSX). A component that counts a measure (chiso's `onTimeRate`, …) is named by the
 * measure table; the 766 index's components by their code here. A code found nowhere (an admin's own index) is shown
 * as its code.
 */
const QD766_COMPONENTS: Record<string, Label> = {
  ON_TIME: { vi: 'Hồ sơ xử lý trước hạn, đúng hạn', en: 'Dossiers handled early or on time' },
  ONLINE_SUBMISSION: { vi: 'Hồ sơ nộp trực tuyến', en: 'Dossiers submitted online' },
  ORIGINAL_RESULT_AVAILABLE: { vi: 'Cấp kết quả điện tử', en: 'Electronic results issued' },
  SO_HOA_GIAY_TO_GIAI_QUYET: { vi: 'Số hóa hồ sơ', en: 'Dossiers digitised' },
  DOSSIER_ONLINE_PAYMENT: { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
  PUBLISH_ON_TIME: { vi: 'TTHC công bố đúng hạn', en: 'Procedures published on time' },
  PUBLIC_UPDATE_ON_TIME: { vi: 'TTHC cập nhật, công khai đúng hạn', en: 'Procedures updated on time' },
  PUBLIC_CONTENT_FULL: { vi: 'TTHC công khai đầy đủ nội dung', en: 'Procedures published in full' },
  DOSSIER_SYNC: { vi: 'Hồ sơ đồng bộ lên Cổng DVCQG', en: 'Dossiers synced to the national portal' },
  ONLINE_SERVICES_OFFERED: { vi: 'TTHC cung cấp DVCTT', en: 'Procedures offered online' },
  ONLINE_SERVICES_USED: { vi: 'DVCTT có phát sinh hồ sơ', en: 'Online services used' },
  REUSED_DIGITIZED_DATA: { vi: 'Tái sử dụng dữ liệu số hóa', en: 'Digitised data reused' },
  ELECTRONIC_CERTIFIED_COPY: { vi: 'Chứng thực bản sao điện tử', en: 'Electronic certified copies' },
  SYNCED_WITH_DVCQG_PERSONAL_STORAGE: { vi: 'Kết nối, chia sẻ dữ liệu số hóa', en: 'Digitised data shared for reuse' },
  CITIZEN_DATA_CONNECTED_DOSSIER: { vi: 'Hồ sơ dùng dữ liệu dân cư', en: 'Dossiers using population data' },
  CITIZEN_DATA_CONNECTED_FORMALITY: { vi: 'TTHC kết nối dữ liệu dân cư', en: 'Procedures connected to population data' },
  PETITION_PROCESSING_ON_TIME: { vi: 'PAKN xử lý đúng hạn', en: 'Petitions handled on time' },
  PETITION_HANDLING_SATISFACTION: { vi: 'Hài lòng xử lý PAKN', en: 'Satisfaction with petition handling' },
  DOSSIER_RECEIVING_SATISFACTION: { vi: 'Hài lòng tiếp nhận, giải quyết TTHC', en: 'Satisfaction with dossier handling' },
  FORMALITY_ONLINE_PAYMENT: { vi: 'TTHC có thanh toán trực tuyến', en: 'Procedures with online payment' },
  FORMALITY_FEE_ON_PORTAL: { vi: 'TTHC có phí trên Cổng', en: 'Fee-bearing procedures on the portal' },
};

const MEASURE_COMPONENTS: Record<string, Label> = Object.fromEntries((Object.keys(MEASURE_TABLE) as Measure[]).map((m) => [m, MEASURE_TABLE[m].label]));

export const COMPONENT_LABELS: Readonly<Record<string, Label>> = { ...MEASURE_COMPONENTS, ...QD766_COMPONENTS };

export const COMPONENT_GROUP_LABELS: Readonly<Record<(typeof QD766_GROUPS)[number], Label>> = {
  progress: { vi: 'Tiến độ giải quyết', en: 'Progress' },
  online: { vi: 'Dịch vụ công trực tuyến', en: 'Online services' },
  transparency: { vi: 'Công khai, minh bạch', en: 'Transparency' },
  digitized: { vi: 'Số hóa hồ sơ', en: 'Digitisation' },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
  payment: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
};

const pick = <K extends string>(table: Readonly<Record<K, Label>>, language: 'vi' | 'en') =>
  Object.fromEntries(Object.entries<Label>(table).map(([k, l]) => [k, l[language]])) as Record<K, string>;

/** Component names in one language, for the dashboard's locale files. */
export const componentLabels = (language: 'vi' | 'en'): Record<string, string> => pick(COMPONENT_LABELS, language);
export const componentGroupLabels = (language: 'vi' | 'en') => pick(COMPONENT_GROUP_LABELS, language);

/** A component's short name, or its code when no table knows it. */
export function componentLabel(code: string, language: 'vi' | 'en'): string {
  return COMPONENT_LABELS[code]?.[language] ?? code;
}
