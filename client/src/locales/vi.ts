import { measureLabels } from '../../../shared/kpi/measure-table';

export const vi = {
  app: { name: 'chiso', tagline: 'Chỉ số cải cách hành chính', demo: 'Dữ liệu minh họa: hồ sơ là dữ liệu tổng hợp (giả lập); đơn vị và tên gọi là thật.', skip: 'Bỏ qua, đến nội dung chính' },
  nav: { reports: 'Báo cáo', admin: 'Quản trị', overview: 'Tổng quan', rankings: 'Xếp hạng', flags: 'Cảnh báo', targets: 'Chỉ tiêu', imports: 'Nhập dữ liệu', main: 'Điều hướng chính' },
  language: { switchTo: 'English', label: 'Đổi ngôn ngữ' },
  period: { label: 'Kỳ', week: 'Tuần', month: 'Tháng', quarter: 'Quý', year: 'Năm', range: 'Khoảng ngày', from: 'Từ ngày', to: 'Đến ngày', apply: 'Áp dụng', kind: 'Loại kỳ', cutOff: 'Số liệu tính đến {{date}}', span: '{{from}} – {{to}}', inProgress: 'kỳ đang diễn ra' },
  groups: { commune: 'Xã, phường', department: 'Sở, ban, ngành' },
  kinds: { ward: 'Phường', commune: 'Xã', special_zone: 'Đặc khu', department: 'Sở, ngành' },
  measures: {
    ...measureLabels('vi'),
    received: 'Hồ sơ tiếp nhận', index: 'Chỉ số', days: 'ngày',
  },

  states: { below: 'Dưới chỉ tiêu', 'at-risk': 'Sát chỉ tiêu', met: 'Đạt', 'no-data': 'Chưa có số liệu', insufficient: 'Chưa đủ hồ sơ để xếp hạng' },
  ratings: { 'Xuất sắc': 'Xuất sắc', 'Tốt': 'Tốt', 'Khá': 'Khá', 'Trung bình': 'Trung bình', 'Yếu': 'Yếu' },
  status: { loading: 'Đang tải số liệu…', error: 'Không tải được số liệu: {{message}}', retry: 'Thử lại', empty: 'Không có số liệu cho kỳ này.' },
  overview: {
    title: 'Tổng quan', city: 'Toàn thành phố', target: 'Chỉ tiêu {{value}}', noTarget: 'Chưa giao chỉ tiêu', change: '{{value}} so với {{period}}',
    unitsBelow: '{{count}} / {{total}} đơn vị dưới chỉ tiêu', longest: 'Dưới chỉ tiêu lâu nhất', periodsBelow_one: '{{count}} kỳ liên tiếp', periodsBelow_other: '{{count}} kỳ liên tiếp',
    distribution: 'Phân bố đơn vị', deadline: 'hạn {{date}}', received: '{{n}} hồ sơ', overdue: 'đã quá hạn', points: 'điểm %',
    changeSameTime: '{{value}} so với cùng thời điểm của {{period}}', meanIndex: 'Chỉ số bình quân', indexPoints: 'điểm', since: 'so với {{period}}',
    best: 'Cao nhất theo chỉ số', worst: 'Thấp nhất theo chỉ số', series: '{{measure}}, {{from}} đến {{to}}',
  },
  rankings: {
    title: 'Xếp hạng', search: 'Tìm đơn vị', allKinds: 'Mọi loại', allStates: 'Mọi trạng thái', flagged: 'Có chỉ tiêu chưa đạt', atRisk: 'Sát chỉ tiêu', met: 'Đạt tất cả',
    rank: 'Hạng', change: 'Thay đổi', unit: 'Đơn vị', rating: 'Xếp loại', flags: 'Cảnh báo', unranked: 'Chưa xếp hạng (dưới {{min}} hồ sơ trong kỳ)', count: '{{shown}} / {{total}} đơn vị',
    up: 'tăng {{count}} bậc', down: 'giảm {{count}} bậc', same: 'giữ nguyên', new: 'mới', sortBy: 'Sắp xếp theo {{column}}', none: 'Không có đơn vị nào khớp.',
  },
  flags: { title: 'Đơn vị dưới chỉ tiêu', head: 'Người đứng đầu', failed: 'Chỉ tiêu chưa đạt', gap: 'Chênh lệch', weeksBelow: 'Số kỳ liên tiếp', none: 'Không có đơn vị nào dưới chỉ tiêu trong kỳ này.' },
  unit: {
    annex: 'Tải phụ lục đơn vị (PDF)', rankOf: 'Hạng {{rank}} / {{total}}', notRanked: 'Chưa xếp hạng', trend: 'Diễn biến', procedures: 'Thủ tục kéo chỉ số xuống', procedure: 'Thủ tục', overdue: 'Hồ sơ quá hạn đang xử lý',
    overdueMore: 'Hiển thị {{shown}} / {{total}} hồ sơ', dossier: 'Mã hồ sơ', receivedAt: 'Ngày tiếp nhận', dueAt: 'Ngày hẹn trả', daysOverdue: 'Số ngày quá hạn', median: 'Trung vị {{value}} · 90 % trong {{p90}} ngày',
    target: 'Chỉ tiêu', value: 'Kết quả', noOverdue: 'Không có hồ sơ quá hạn.', head: 'Người đứng đầu', granularity: 'Theo', notFound: 'Không có đơn vị mã {{code}}.',
  },
  targets: { title: 'Chỉ tiêu', measure: 'Chỉ tiêu', scope: 'Áp dụng cho', threshold: 'Ngưỡng', effectiveFrom: 'Hiệu lực từ', deadline: 'Hạn hoàn thành', none: 'Chưa có chỉ tiêu.' },
  imports: {
    title: 'Nhập dữ liệu', kind: 'Loại dữ liệu', file: 'Tệp CSV hoặc XLSX', upload: 'Nhập', uploading: 'Đang nhập…', past: 'Các lần nhập', ok: 'Đã nhập {{rows}} dòng từ {{file}}.',
    refused: 'Không nhập {{file}}: có {{count}} lỗi, chưa ghi dữ liệu nào.', when: 'Thời điểm', rows: 'Số dòng', outcome: 'Kết quả', imported: 'Đã nhập', refusedShort: 'Từ chối',
    kinds: { units: 'Đơn vị', targets: 'Chỉ tiêu', dossiers: 'Hồ sơ', indicators: 'Danh mục chỉ số', values: 'Số liệu đơn vị báo cáo', seed: 'Dữ liệu minh họa' },
  },
  auth: {
    title: 'Đăng nhập', username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập', submitting: 'Đang đăng nhập…', logout: 'Đăng xuất',
    signedInAs: 'Đăng nhập: {{name}}', demoHint: 'Tài khoản minh họa: leader / leader-demo, admin / admin-demo, officer / officer-demo, head-00070 / head-demo.',
    roles: { leader: 'Lãnh đạo', unit_head: 'Người đứng đầu đơn vị', data_officer: 'Cán bộ dữ liệu', admin: 'Quản trị' },
  },
  admin: {
    users: 'Tài khoản', audit: 'Nhật ký', units: 'Đơn vị', create: 'Tạo tài khoản', save: 'Lưu', disable: 'Khóa', enable: 'Mở khóa', reset: 'Đặt lại mật khẩu',
    newPassword: 'Mật khẩu mới', role: 'Vai trò', unit: 'Đơn vị', name: 'Họ tên / chức danh', status: 'Trạng thái', active: 'Đang dùng', disabled: 'Đã khóa', demo: 'minh họa',
    saved: 'Đã lưu.', exportCsv: 'Tải nhật ký (CSV)', when: 'Thời điểm', who: 'Người thực hiện', action: 'Thao tác', target: 'Đối tượng', change: 'Thay đổi', address: 'Địa chỉ',
    addTarget: 'Thêm hoặc thay chỉ tiêu', delete: 'Xóa', kind: 'Loại đơn vị', code: 'Mã', nameEn: 'Tên tiếng Anh', headName: 'Người đứng đầu', headTitle: 'Chức danh', addUnit: 'Thêm hoặc sửa đơn vị', edit: 'Sửa',
  },
  index: {
    label: 'Bộ chỉ số', used: 'Chỉ số: {{name}} ({{id}} v{{version}})', coverage: '{{value}} / {{covered}} điểm có số liệu', outOf: '/ {{covered}} điểm có số liệu', components: 'Điểm thành phần',
    component: 'Thành phần', points: 'Điểm', maxPoints: 'Tối đa', ratio: 'Tỷ lệ', source: 'Nguồn', total: 'Tổng',
    sources: { dossiers: 'Hồ sơ', reported: 'Đơn vị báo cáo', missing: 'Chưa có số liệu' },
  },
  components: {
    onTimeRate: 'Đúng hạn', onlineRate: 'Nộp trực tuyến', endToEndRate: 'Toàn trình',
    ON_TIME: 'Hồ sơ xử lý trước hạn, đúng hạn', ONLINE_SUBMISSION: 'Hồ sơ nộp trực tuyến', ORIGINAL_RESULT_AVAILABLE: 'Cấp kết quả điện tử',
    SO_HOA_GIAY_TO_GIAI_QUYET: 'Số hóa hồ sơ', DOSSIER_ONLINE_PAYMENT: 'Hồ sơ thanh toán trực tuyến',
    PUBLISH_ON_TIME: 'TTHC công bố đúng hạn', PUBLIC_UPDATE_ON_TIME: 'TTHC cập nhật, công khai đúng hạn', PUBLIC_CONTENT_FULL: 'TTHC công khai đầy đủ nội dung',
    DOSSIER_SYNC: 'Hồ sơ đồng bộ lên Cổng DVCQG', ONLINE_SERVICES_OFFERED: 'TTHC cung cấp DVCTT', ONLINE_SERVICES_USED: 'DVCTT có phát sinh hồ sơ',
    REUSED_DIGITIZED_DATA: 'Tái sử dụng dữ liệu số hóa', ELECTRONIC_CERTIFIED_COPY: 'Chứng thực bản sao điện tử', SYNCED_WITH_DVCQG_PERSONAL_STORAGE: 'Kết nối, chia sẻ dữ liệu số hóa',
    CITIZEN_DATA_CONNECTED_DOSSIER: 'Hồ sơ dùng dữ liệu dân cư', CITIZEN_DATA_CONNECTED_FORMALITY: 'TTHC kết nối dữ liệu dân cư',
    PETITION_PROCESSING_ON_TIME: 'PAKN xử lý đúng hạn', PETITION_HANDLING_SATISFACTION: 'Hài lòng xử lý PAKN', DOSSIER_RECEIVING_SATISFACTION: 'Hài lòng tiếp nhận, giải quyết TTHC',
    FORMALITY_ONLINE_PAYMENT: 'TTHC có thanh toán trực tuyến', FORMALITY_FEE_ON_PORTAL: 'TTHC có phí trên Cổng',
  },
  componentGroups: { progress: 'Tiến độ giải quyết', online: 'Dịch vụ công trực tuyến', transparency: 'Công khai, minh bạch', digitized: 'Số hóa hồ sơ', satisfaction: 'Mức độ hài lòng', payment: 'Thanh toán trực tuyến' },
  whyRank: {
    title: 'Vì sao thứ hạng thay đổi', before: 'Kỳ trước', now: 'Kỳ này', change: 'Thay đổi', byComponent: 'Điểm theo thành phần',
    summary: 'So với {{period}}: chỉ số {{before}} → {{now}} ({{change}} điểm).', rank: 'Hạng {{before}} → {{now}}.',
    overtakenBy: 'Bị vượt bởi: {{names}}.', overtook: 'Đã vượt: {{names}}.',
  },
  whatIf: { title: 'Nếu…', moreOnline: 'Thêm số hồ sơ trực tuyến', compute: 'Tính', result: 'Chỉ số sẽ là {{index}} ({{change}} điểm), hạng {{rank}} (hiện nay hạng {{before}}).' },
  forecast: {
    title: 'Dự báo đến hạn chỉ tiêu', reaches: 'đạt {{target}} vào khoảng {{period}} (hạn {{deadline}})', 'not-before-deadline': 'không đạt {{target}} trước hạn {{deadline}}',
    'no-progress': 'chưa có xu hướng tiến tới {{target}} (hạn {{deadline}})', 'deadline-passed': 'đã quá hạn {{deadline}} mà chưa đạt {{target}}',
    how: '— xu hướng {{slope}} điểm/kỳ, đường thẳng bình phương nhỏ nhất qua {{n}} kỳ gần nhất',
  },
  indexes: {
    title: 'Bộ chỉ số', help: 'Mỗi bộ chỉ số là dữ liệu (JSON): thành phần, quy tắc tính điểm, cách làm tròn, xếp loại. Sửa và lưu thành phiên bản mới; các báo cáo đã lập giữ nguyên phiên bản đã dùng.',
    name: 'Tên', origin: 'Nguồn', shipped: 'Có sẵn trong chiso', newVersion: 'Sửa thành phiên bản mới', json: 'Định nghĩa (JSON)', save: 'Lưu phiên bản mới', notJson: 'Nội dung không phải JSON hợp lệ.',
  },
  reports: {
    title: 'Báo cáo tuần', generate: 'Lập báo cáo', generating: 'Đang lập…', format: 'Định dạng', language: 'Ngôn ngữ', regenerate: 'Lập phiên bản mới', period: 'Kỳ',
    version: 'Phiên bản', cutOff: 'Số liệu đến', generated: 'Lập lúc', trigger: 'Nguồn', size: 'Dung lượng', download: 'Tải về', none: 'Chưa có báo cáo.',
    triggers: { manual: 'Lập tay', schedule: 'Tự động (thứ Hai)', cli: 'Dòng lệnh' },
  },
} as const;
