/**
 * Vietnamese name and occupation data for the synthetic city (test and demo data only).
 *
 * The weights are approximate, from general knowledge of Vietnamese naming (the often-quoted shares
 * Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 % …), not from a census table. They are tilted towards the
 * Mekong Delta: Huỳnh far outnumbers Hoàng and Võ outnumbers Vũ there, and a few Khmer and Hoa
 * surnames (Thạch, Danh, Sơn, Lâm, Quách) appear. Weights are relative; they need not sum to 100.
 */
export type Weighted = readonly (readonly [string, number])[];

export const SURNAMES: Weighted = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Huỳnh', 4.5], ['Hoàng', 0.5],
  ['Phan', 4.5], ['Võ', 3.5], ['Vũ', 0.5], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3],
  ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Trương', 1], ['Đoàn', 0.6], ['Lâm', 0.6], ['Mai', 0.5],
  ['Đinh', 0.4], ['Lưu', 0.4], ['Cao', 0.4], ['Châu', 0.4], ['Tô', 0.3], ['Thái', 0.3], ['Quách', 0.3],
  ['Lương', 0.3], ['Hà', 0.3], ['Thạch', 0.3], ['Danh', 0.2], ['Sơn', 0.2], ['Triệu', 0.2], ['La', 0.2],
  ['Tăng', 0.2], ['Tạ', 0.2], ['Kha', 0.1], ['Diệp', 0.1], ['Từ', 0.1], ['Phùng', 0.1], ['Mạc', 0.1],
];

/** Middle names (tên đệm). Văn and Thị dominate older generations and are rarer among the young. */
export const MALE_MIDDLE_NAMES: { older: Weighted; younger: Weighted } = {
  older: [
    ['Văn', 50], ['Hữu', 6], ['Minh', 6], ['Thanh', 6], ['Quốc', 4], ['Công', 4], ['Tấn', 5], ['Hoàng', 3],
    ['Đức', 3], ['Thành', 3], ['Phước', 3], ['Ngọc', 2], ['Trọng', 2], ['Chí', 2], ['Hoài', 1],
  ],
  younger: [
    ['Văn', 18], ['Minh', 10], ['Gia', 7], ['Quốc', 7], ['Hoàng', 6], ['Thanh', 6], ['Tấn', 5], ['Hữu', 5],
    ['Bảo', 5], ['Nhật', 5], ['Duy', 4], ['Anh', 4], ['Đức', 4], ['Trung', 3], ['Thành', 3], ['Công', 3],
    ['Tuấn', 3], ['Phước', 2],
  ],
};

export const FEMALE_MIDDLE_NAMES: { older: Weighted; younger: Weighted } = {
  older: [
    ['Thị', 62], ['Ngọc', 8], ['Thanh', 5], ['Thu', 4], ['Kim', 5], ['Mỹ', 3], ['Bích', 3], ['Hồng', 3],
    ['Thúy', 2], ['Tuyết', 2], ['Cẩm', 2], ['Phương', 1],
  ],
  younger: [
    ['Thị', 25], ['Ngọc', 12], ['Thanh', 6], ['Thu', 5], ['Kim', 6], ['Mỹ', 6], ['Bảo', 5], ['Phương', 5],
    ['Khánh', 4], ['Như', 4], ['Diễm', 3], ['Minh', 4], ['Hoài', 3], ['Yến', 3], ['Kiều', 3], ['Ánh', 3],
    ['Thúy', 2], ['Hồng', 2],
  ],
};

/**
 * Given names (tên). Southern birth-order names (Hai, Ba, Tư … Út) are still seen as given names
 * among older people in the Delta; they get small weights.
 */
export const MALE_GIVEN_NAMES: Weighted = [
  ['An', 2], ['Bảo', 2], ['Bình', 2], ['Cường', 2], ['Danh', 1], ['Đạt', 2], ['Định', 1], ['Dũng', 3],
  ['Duy', 2], ['Đông', 1], ['Đức', 2], ['Giang', 1], ['Hải', 3], ['Hào', 1], ['Hậu', 2], ['Hiếu', 2],
  ['Hòa', 2], ['Hoàng', 2], ['Hùng', 3], ['Huy', 3], ['Hưng', 2], ['Kha', 1], ['Khang', 2], ['Khải', 1],
  ['Khánh', 2], ['Khoa', 2], ['Kiệt', 2], ['Lâm', 1], ['Lộc', 2], ['Lợi', 2], ['Long', 3], ['Luân', 1],
  ['Lực', 1], ['Minh', 3], ['Nam', 3], ['Nghĩa', 2], ['Nguyên', 2], ['Nhân', 2], ['Nhựt', 2], ['Phát', 2],
  ['Phong', 2], ['Phú', 2], ['Phúc', 2], ['Phước', 2], ['Quang', 2], ['Quân', 2], ['Sang', 2], ['Sơn', 2],
  ['Tài', 2], ['Tâm', 2], ['Tân', 2], ['Thanh', 2], ['Thành', 3], ['Thắng', 2], ['Thiện', 2], ['Thịnh', 2],
  ['Thông', 1], ['Tín', 2], ['Toàn', 2], ['Trí', 2], ['Trung', 2], ['Tú', 1], ['Tuấn', 3], ['Tùng', 2],
  ['Việt', 2], ['Vinh', 2], ['Vũ', 2], ['Hai', 0.5], ['Ba', 0.5], ['Tư', 0.5], ['Năm', 0.5], ['Sáu', 0.5],
  ['Bảy', 0.5], ['Tám', 0.5], ['Út', 0.7],
];

export const FEMALE_GIVEN_NAMES: Weighted = [
  ['An', 1], ['Anh', 3], ['Ánh', 2], ['Bích', 2], ['Cẩm', 1], ['Châu', 2], ['Chi', 2], ['Diễm', 2],
  ['Diệp', 1], ['Diệu', 1], ['Dung', 2], ['Duyên', 2], ['Giang', 2], ['Hà', 2], ['Hạnh', 2], ['Hằng', 2],
  ['Hân', 2], ['Hậu', 1], ['Hiền', 2], ['Hoa', 2], ['Hồng', 2], ['Huệ', 2], ['Hương', 3], ['Huyền', 2],
  ['Kiều', 2], ['Lan', 3], ['Lệ', 1], ['Liên', 2], ['Linh', 3], ['Loan', 2], ['Mai', 3], ['My', 2],
  ['Mỹ', 1], ['Nga', 2], ['Ngân', 2], ['Ngọc', 2], ['Nhi', 3], ['Nhung', 2], ['Như', 2], ['Nương', 1],
  ['Oanh', 2], ['Phương', 3], ['Phượng', 2], ['Quyên', 2], ['Quỳnh', 2], ['Sương', 1], ['Tâm', 2],
  ['Thảo', 3], ['Thắm', 1], ['Thanh', 2], ['Thơ', 1], ['Thu', 2], ['Thủy', 3], ['Thúy', 2], ['Thư', 2],
  ['Tiên', 2], ['Trang', 3], ['Trâm', 2], ['Trinh', 2], ['Tuyết', 2], ['Uyên', 2], ['Vân', 2], ['Vy', 3],
  ['Xuân', 2], ['Yến', 3], ['Hai', 0.3], ['Ba', 0.3], ['Út', 0.5],
];

/**
 * Occupations common in Cần Thơ, weighted for working-age adults in an urban ward (phường) and in a
 * rural commune or town (xã, thị trấn). Students, pupils and retirees are assigned by age instead.
 */
export const OCCUPATIONS: readonly { name: string; urban: number; rural: number }[] = [
  { name: 'Nông dân', urban: 2, rural: 30 },
  { name: 'Làm thuê', urban: 6, rural: 14 },
  { name: 'Buôn bán nhỏ', urban: 14, rural: 9 },
  { name: 'Công nhân', urban: 14, rural: 8 },
  { name: 'Nội trợ', urban: 8, rural: 9 },
  { name: 'Lao động tự do', urban: 8, rural: 5 },
  { name: 'Công chức', urban: 4, rural: 1.5 },
  { name: 'Viên chức', urban: 3, rural: 1 },
  { name: 'Giáo viên', urban: 3, rural: 2 },
  { name: 'Nhân viên văn phòng', urban: 6, rural: 1 },
  { name: 'Nhân viên bán hàng', urban: 5, rural: 1.5 },
  { name: 'Kinh doanh', urban: 4, rural: 1.5 },
  { name: 'Bán vé số', urban: 2, rural: 2 },
  { name: 'Xe ôm', urban: 2, rural: 1 },
  { name: 'Tài xế', urban: 2.5, rural: 1.5 },
  { name: 'Giao hàng', urban: 2, rural: 0.3 },
  { name: 'Thợ hồ', urban: 2.5, rural: 3 },
  { name: 'Thợ may', urban: 1.5, rural: 1 },
  { name: 'Thợ sửa xe', urban: 1, rural: 1 },
  { name: 'Nuôi trồng thủy sản', urban: 0.3, rural: 3 },
  { name: 'Buôn bán trên chợ nổi', urban: 0.3, rural: 0.3 },
  { name: 'Y tá, điều dưỡng', urban: 1, rural: 0.4 },
  { name: 'Bác sĩ', urban: 0.5, rural: 0.1 },
  { name: 'Công an', urban: 0.6, rural: 0.3 },
  { name: 'Bộ đội', urban: 0.4, rural: 0.3 },
  { name: 'Kế toán', urban: 1, rural: 0.3 },
  { name: 'Đầu bếp', urban: 1, rural: 0.2 },
];

/** Older people: mostly retired or at home; some still farm or trade. */
export const ELDERLY_OCCUPATIONS: { urban: Weighted; rural: Weighted } = {
  urban: [['Hưu trí', 40], ['Nội trợ', 25], ['Buôn bán nhỏ', 12], ['Bán vé số', 6], ['Lao động tự do', 5], ['Xe ôm', 2]],
  rural: [['Hưu trí', 15], ['Nội trợ', 25], ['Nông dân', 35], ['Buôn bán nhỏ', 8], ['Bán vé số', 6], ['Làm thuê', 6]],
};

/** Streets of Cần Thơ, for plausible house addresses in urban wards. */
export const STREETS: readonly string[] = [
  'Trần Hưng Đạo', 'Nguyễn Văn Cừ', '30 Tháng 4', 'Mậu Thân', 'Hùng Vương', 'Nguyễn Trãi', 'Lý Tự Trọng',
  '3 Tháng 2', 'Trần Phú', 'Cách Mạng Tháng 8', 'Nguyễn Văn Linh', 'Võ Văn Kiệt', 'Trần Văn Khéo', 'Hòa Bình',
  'Phan Đình Phùng', 'Lê Lợi', 'Hai Bà Trưng', 'Nguyễn An Ninh', 'Ngô Quyền', 'Lê Hồng Phong',
  'Trần Quang Diệu', 'Nguyễn Việt Hồng', 'Nguyễn Thị Minh Khai', 'Đinh Tiên Hoàng', 'Phan Văn Trị',
  'Xô Viết Nghệ Tĩnh', 'Tầm Vu', 'Trần Hoàng Na', 'Lê Bình', 'Quang Trung', 'Bùi Hữu Nghĩa', 'Huỳnh Cương',
  'Nguyễn Văn Trỗi', 'Trần Bình Trọng', 'Lý Thường Kiệt', 'Châu Văn Liêm', 'Lê Văn Sô', 'Đồng Khởi',
];
