import type { Indicator } from '../../domain/indicator';

const entry = (code: string, name: string, nameEn: string): Indicator => ({
  code, name, nameEn, pillar: 'cchc', unit: 'percent', direction: 'higher', frequency: 'month', kinds: [], description: 'Chỉ số thành phần QĐ 766/QĐ-TTg',
});

/** The reported components of the 766 index (SPEC §7): their catalogue entries ship with chiso. */
export const QD766_INDICATORS: readonly Indicator[] = [
  entry('PUBLISH_ON_TIME', 'Tỷ lệ TTHC công bố đúng hạn', 'Procedures published on time'),
  entry('PUBLIC_UPDATE_ON_TIME', 'Tỷ lệ TTHC cập nhật, công khai đúng hạn', 'Procedures updated and made public on time'),
  entry('PUBLIC_CONTENT_FULL', 'Tỷ lệ TTHC công khai đầy đủ nội dung', 'Procedures published with full content'),
  entry('DOSSIER_SYNC', 'Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG', 'Dossiers synchronised to the National Public Service Portal'),
  entry('ONLINE_SERVICES_OFFERED', 'Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến', 'Procedures offered as online public services'),
  entry('ONLINE_SERVICES_USED', 'Tỷ lệ DVCTT có phát sinh hồ sơ trực tuyến', 'Online services that received an online dossier'),
  entry('REUSED_DIGITIZED_DATA', 'Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa', 'Dossiers reusing digitised data'),
  entry('ELECTRONIC_CERTIFIED_COPY', 'Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính', 'Electronic certified copies provided'),
  entry('SYNCED_WITH_DVCQG_PERSONAL_STORAGE', 'Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng', 'Digitised dossiers shared for reuse'),
  entry('CITIZEN_DATA_CONNECTED_DOSSIER', 'Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư', 'Dossiers using population data'),
  entry('CITIZEN_DATA_CONNECTED_FORMALITY', 'Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư', 'Procedures connected to population data'),
  entry('PETITION_PROCESSING_ON_TIME', 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', 'Petitions handled on time'),
  entry('PETITION_HANDLING_SATISFACTION', 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị', 'Satisfaction with petition handling'),
  entry('DOSSIER_RECEIVING_SATISFACTION', 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC', 'Satisfaction with dossier handling'),
  entry('FORMALITY_ONLINE_PAYMENT', 'Tỷ lệ TTHC có giao dịch thanh toán trực tuyến', 'Procedures with an online payment'),
  entry('FORMALITY_FEE_ON_PORTAL', 'Tỷ lệ TTHC có nghĩa vụ tài chính được cung cấp trên Cổng', 'Fee-bearing procedures offered on the portal'),
];
