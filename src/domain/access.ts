/**
 * Roles and what each may do: the reviewed matrix (rendered in docs/ACCESS.md, enforced route by route
 * by src/server/platform/access-matrix.test.ts). Scope (which units a user sees) is separate: a
 * permission says what kind of action, the scope says on whose data.
 *
 * Rule for every module: it declares its own `<module>.read` / `.write` / `.manage`… here, and its routes
 * are guarded only by its own permissions — never by another module's.
 */
export const ROLES = [
  'system_admin', 'command_center', 'district_officer', 'commune_officer',
  'health_staff', 'lab_staff', 'police', 'social_affairs', 'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** Every permission, grouped by the module that owns it, with what it allows (shown in docs/ACCESS.md). */
export const PERMISSION_INFO = {
  'people.read': 'Xem người dân và hộ gia đình trong phạm vi',
  'people.write': 'Thêm, sửa người dân và hộ gia đình',
  'people.merge': 'Gộp hồ sơ trùng',
  'cases.read': 'Xem ca bệnh (F0), phiếu điều tra dịch tễ, chất lượng điều tra',
  'cases.write': 'Ghi nhận, cập nhật, rút ca bệnh; điền phiếu điều tra',
  'tracing.read': 'Xem tiếp xúc, phân loại F0/F1/F2, danh sách theo dõi, chuỗi lây nhiễm, ổ dịch, địa điểm',
  'tracing.write': 'Ghi tiếp xúc, nhập danh sách tiếp xúc, đặt tên ổ dịch, thêm địa điểm',
  'geography.read': 'Xem số liệu tổng hợp theo địa bàn',
  'geography.import': 'Nhập thôn/ấp, dân số',
  'users.manage': 'Quản lý tài khoản',
  'tokens.manage': 'Cấp, thu hồi khóa API cho hệ thống khác (nền tảng quốc gia, phần mềm phòng xét nghiệm)',
  'rules.read': 'Xem bộ quy tắc',
  'rules.manage': 'Tạo, kích hoạt bộ quy tắc',
  'audit.read': 'Tra cứu nhật ký truy cập (cấp tỉnh/thành phố)',
  'testing.summary': 'Xem số liệu xét nghiệm tổng hợp, danh mục loại xét nghiệm và phòng xét nghiệm',
  'testing.read': 'Xem từng ống mẫu, buổi lấy mẫu, tổ lấy mẫu, kết quả cá nhân, FHIR',
  'testing.collect': 'Lấy mẫu, tạo buổi, tổ, chuyến chuyển mẫu',
  'testing.lab': 'Tiếp nhận mẫu, trả kết quả, nhập tệp kết quả, xử lý xung đột',
  'testing.manage': 'Quản lý phòng xét nghiệm',
} as const;
export type Permission = keyof typeof PERMISSION_INFO;
export const PERMISSIONS = Object.keys(PERMISSION_INFO) as Permission[];

const ALL = [...PERMISSIONS];
const REFERENCE: Permission[] = ['geography.read', 'rules.read'];
/** Commune and district health work: persons, cases, tracing, individual tests. */
const FIELD: Permission[] = [...REFERENCE, 'people.read', 'people.write', 'cases.read', 'cases.write', 'tracing.read', 'tracing.write', 'testing.summary', 'testing.read'];
/** Sampling teams: sessions, tubes, rapid antigen results on the spot, shipments. */
const SAMPLING: Permission[] = ['testing.collect'];

/**
 * Who does what, from the sources: the command center runs everything but accounts and rules; field
 * officers and health staff trace and sample in their units; lab staff see tubes and results, not case
 * files, contacts or the population register; police have no personal data until the movement-permit
 * module grants what a checkpoint needs; social affairs see persons and households, not cases; viewers
 * see aggregates only.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  system_admin: ALL,
  command_center: ALL.filter((p) => p !== 'users.manage' && p !== 'rules.manage' && p !== 'tokens.manage'),
  district_officer: [...FIELD, ...SAMPLING, 'people.merge', 'geography.import'],
  commune_officer: [...FIELD, ...SAMPLING, 'geography.import'],
  health_staff: [...FIELD, ...SAMPLING],
  lab_staff: [...REFERENCE, 'testing.summary', 'testing.read', 'testing.lab'],
  police: REFERENCE,
  social_affairs: [...REFERENCE, 'people.read'],
  viewer: [...REFERENCE, 'testing.summary'],
};

/** What no API token may carry, whoever issues it: managing accounts and tokens is for people. */
export const NOT_FOR_TOKENS: readonly Permission[] = ['users.manage', 'tokens.manage'];

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
