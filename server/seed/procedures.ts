/**
 * Administrative procedures for the demo. Names are those of real national procedures; the codes follow the
 * national `1.00xxxx` pattern but are illustrative only (see docs/decisions/004-demo-data.md).
 */
export interface DemoProcedure {
  code: string;
  name: string;
  /** Relative share of a unit's dossiers. */
  weight: number;
  /** Statutory processing time, in working days (0: the same day). */
  days: number;
  /** How much more (or less) than the unit's average this procedure is submitted online. */
  online: number;
  /** How much of its online submissions can go end-to-end. */
  endToEnd: number;
  feeShare: number;
}

export const COMMUNE_PROCEDURES: readonly DemoProcedure[] = [
  { code: '1.001193', name: 'Đăng ký khai sinh', weight: 12, days: 1, online: 1.35, endToEnd: 1.3, feeShare: 0 },
  { code: '1.000894', name: 'Đăng ký kết hôn', weight: 4, days: 1, online: 1.1, endToEnd: 0.9, feeShare: 0 },
  { code: '1.000656', name: 'Đăng ký khai tử', weight: 3, days: 1, online: 1.2, endToEnd: 1.2, feeShare: 0 },
  { code: '1.004746', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', weight: 8, days: 3, online: 1.3, endToEnd: 1.4, feeShare: 0.9 },
  { code: '1.004873', name: 'Cấp bản sao Trích lục hộ tịch', weight: 9, days: 1, online: 1.3, endToEnd: 1.5, feeShare: 0.95 },
  { code: '1.001022', name: 'Đăng ký nhận cha, mẹ, con', weight: 1, days: 3, online: 0.8, endToEnd: 0.5, feeShare: 0.9 },
  { code: '1.004227', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp', weight: 26, days: 0, online: 0.55, endToEnd: 0.7, feeShare: 1 },
  { code: '2.000884', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', weight: 6, days: 0, online: 0.4, endToEnd: 0.3, feeShare: 1 },
  { code: '2.000815', name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở', weight: 4, days: 2, online: 0.3, endToEnd: 0.1, feeShare: 1 },
  { code: '1.012772', name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', weight: 6, days: 10, online: 0.7, endToEnd: 0.2, feeShare: 0.8 },
  { code: '1.012766', name: 'Đăng ký đất đai, tài sản gắn liền với đất lần đầu', weight: 2, days: 20, online: 0.6, endToEnd: 0.1, feeShare: 0.8 },
  { code: '2.000720', name: 'Đăng ký thành lập hộ kinh doanh', weight: 5, days: 3, online: 1.3, endToEnd: 1.3, feeShare: 1 },
  { code: '1.001612', name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', weight: 3, days: 3, online: 1.3, endToEnd: 1.3, feeShare: 1 },
  { code: '1.001776', name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng', weight: 3, days: 10, online: 0.8, endToEnd: 0.6, feeShare: 0 },
  { code: '1.001731', name: 'Xác nhận hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp có mức sống trung bình', weight: 1, days: 5, online: 0.7, endToEnd: 0.5, feeShare: 0 },
  { code: '1.009994', name: 'Cấp giấy phép xây dựng đối với công trình, nhà ở riêng lẻ', weight: 3, days: 15, online: 0.9, endToEnd: 0.3, feeShare: 1 },
  { code: '1.003595', name: 'Đăng ký hoạt động tín ngưỡng', weight: 0.3, days: 15, online: 0.5, endToEnd: 0.2, feeShare: 0 },
  { code: '1.001699', name: 'Xác nhận là người khuyết tật, cấp giấy xác nhận khuyết tật', weight: 1, days: 20, online: 0.6, endToEnd: 0.4, feeShare: 0 },
];

/** Department procedures, by department code; the City Service Centre takes a mix of all of them. */
export const DEPARTMENT_PROCEDURES: Readonly<Record<string, readonly DemoProcedure[]>> = {
  'SO-TP': [
    { code: '2.001417', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', weight: 80, days: 10, online: 1.2, endToEnd: 1.4, feeShare: 1 },
    { code: '1.008726', name: 'Cấp Thẻ công chứng viên', weight: 3, days: 10, online: 1, endToEnd: 0.8, feeShare: 0 },
    { code: '2.000528', name: 'Thành lập Văn phòng công chứng', weight: 1, days: 20, online: 0.8, endToEnd: 0.3, feeShare: 1 },
  ],
  'SO-TC': [
    { code: '2.001610', name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', weight: 30, days: 3, online: 1.3, endToEnd: 1.5, feeShare: 1 },
    { code: '2.002036', name: 'Đăng ký thay đổi nội dung đăng ký doanh nghiệp', weight: 50, days: 3, online: 1.3, endToEnd: 1.5, feeShare: 1 },
    { code: '2.001199', name: 'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo', weight: 20, days: 3, online: 1.3, endToEnd: 1.6, feeShare: 0 },
  ],
  'SO-NNMT': [
    { code: '1.012780', name: 'Đăng ký biến động đối với trường hợp chuyển nhượng quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', weight: 60, days: 10, online: 0.8, endToEnd: 0.3, feeShare: 1 },
    { code: '1.012790', name: 'Cấp đổi, cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', weight: 30, days: 10, online: 0.9, endToEnd: 0.3, feeShare: 1 },
    { code: '1.004249', name: 'Cấp giấy phép khai thác, sử dụng nước dưới đất', weight: 3, days: 30, online: 1, endToEnd: 0.5, feeShare: 1 },
  ],
  'SO-XD': [
    { code: '1.009972', name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II', weight: 20, days: 20, online: 1, endToEnd: 0.4, feeShare: 1 },
    { code: '1.009794', name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', weight: 40, days: 20, online: 1.2, endToEnd: 1, feeShare: 1 },
    { code: '1.009798', name: 'Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng', weight: 10, days: 35, online: 0.9, endToEnd: 0.3, feeShare: 1 },
  ],
  'SO-YT': [
    { code: '1.012270', name: 'Cấp giấy phép hành nghề khám bệnh, chữa bệnh', weight: 50, days: 20, online: 1.1, endToEnd: 0.8, feeShare: 1 },
    { code: '1.003001', name: 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược', weight: 20, days: 30, online: 1, endToEnd: 0.5, feeShare: 1 },
    { code: '1.001907', name: 'Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', weight: 30, days: 20, online: 1, endToEnd: 0.6, feeShare: 1 },
  ],
  'SO-GDDT': [
    { code: '1.005092', name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', weight: 60, days: 1, online: 1.3, endToEnd: 1.5, feeShare: 1 },
    { code: '1.000288', name: 'Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở nước ngoài cấp', weight: 15, days: 20, online: 1, endToEnd: 0.8, feeShare: 0 },
    { code: '1.005067', name: 'Chuyển trường đối với học sinh trung học phổ thông', weight: 25, days: 3, online: 1.1, endToEnd: 1, feeShare: 0 },
  ],
  'SO-CT': [
    { code: '2.000633', name: 'Cấp Giấy phép bán lẻ sản phẩm rượu', weight: 40, days: 10, online: 1.1, endToEnd: 0.9, feeShare: 1 },
    { code: '2.000190', name: 'Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu', weight: 20, days: 15, online: 1, endToEnd: 0.6, feeShare: 1 },
    { code: '2.000167', name: 'Đăng ký thực hiện khuyến mại', weight: 40, days: 5, online: 1.3, endToEnd: 1.5, feeShare: 0 },
  ],
  'SO-NV': [
    { code: '1.010805', name: 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', weight: 60, days: 5, online: 1.2, endToEnd: 1.2, feeShare: 1 },
    { code: '1.003046', name: 'Giải quyết chế độ trợ cấp một lần đối với người có thành tích tham gia kháng chiến', weight: 20, days: 15, online: 0.6, endToEnd: 0.3, feeShare: 0 },
  ],
  'SO-VHTT': [
    { code: '1.009394', name: 'Tiếp nhận hồ sơ thông báo tổ chức biểu diễn nghệ thuật', weight: 70, days: 5, online: 1.2, endToEnd: 1.3, feeShare: 0 },
    { code: '1.001029', name: 'Cấp giấy phép hoạt động kinh doanh dịch vụ karaoke', weight: 30, days: 5, online: 1, endToEnd: 0.6, feeShare: 1 },
  ],
  'SO-DL': [
    { code: '1.001432', name: 'Cấp thẻ hướng dẫn viên du lịch nội địa', weight: 50, days: 10, online: 1.2, endToEnd: 1.2, feeShare: 1 },
    { code: '1.004594', name: 'Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa', weight: 50, days: 10, online: 1.1, endToEnd: 0.9, feeShare: 1 },
  ],
  'SO-KHCN': [
    { code: '1.002243', name: 'Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ', weight: 60, days: 10, online: 1.1, endToEnd: 1, feeShare: 0 },
    { code: '1.001637', name: 'Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ', weight: 40, days: 7, online: 1, endToEnd: 0.8, feeShare: 0 },
  ],
  'SO-DTTG': [
    { code: '1.001078', name: 'Đăng ký sinh hoạt tôn giáo tập trung', weight: 60, days: 20, online: 0.7, endToEnd: 0.4, feeShare: 0 },
    { code: '1.001090', name: 'Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo', weight: 40, days: 15, online: 0.8, endToEnd: 0.5, feeShare: 0 },
  ],
  'SO-QHKT': [
    { code: '1.008432', name: 'Cung cấp thông tin về quy hoạch', weight: 70, days: 7, online: 1.2, endToEnd: 1.2, feeShare: 0 },
    { code: '1.008455', name: 'Thẩm định nhiệm vụ quy hoạch chi tiết', weight: 30, days: 20, online: 0.9, endToEnd: 0.4, feeShare: 1 },
  ],
  'SO-VP': [
    { code: '2.001023', name: 'Tiếp nhận, xử lý văn bản đề nghị của tổ chức, cá nhân gửi Ủy ban nhân dân Thành phố', weight: 100, days: 10, online: 1, endToEnd: 0.6, feeShare: 0 },
  ],
  'SO-TTR': [
    { code: '2.002164', name: 'Giải quyết khiếu nại lần đầu tại cấp tỉnh', weight: 60, days: 30, online: 0.6, endToEnd: 0.2, feeShare: 0 },
    { code: '2.002165', name: 'Giải quyết tố cáo tại cấp tỉnh', weight: 40, days: 30, online: 0.6, endToEnd: 0.2, feeShare: 0 },
  ],
  'BQL-KCNC': [
    { code: '1.009645', name: 'Cấp giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư', weight: 30, days: 15, online: 1.1, endToEnd: 0.7, feeShare: 0 },
    { code: '1.010806', name: 'Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại khu công nghiệp', weight: 70, days: 3, online: 1.2, endToEnd: 1.2, feeShare: 1 },
  ],
};
