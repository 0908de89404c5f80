/**
 * Every error code the platform can answer with, and its message in Vietnamese and English.
 * Field validators put a code from here into the zod issue message; the server and the web
 * translate it with `messageFor`. {name} placeholders come from the error's params.
 */
export const ERROR_CATALOG = {
  'validation.invalid': { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  'validation.required': { vi: 'Trường {field} là bắt buộc', en: 'Field {field} is required' },
  'validation.date': { vi: 'Ngày không hợp lệ (định dạng YYYY-MM-DD, phải là ngày có thật)', en: 'Invalid date (YYYY-MM-DD, must exist)' },
  'validation.date_future': { vi: 'Ngày không được ở tương lai', en: 'Date must not be in the future' },
  'validation.birth_year': { vi: 'Năm sinh không hợp lệ', en: 'Invalid birth year' },
  'validation.birth_year_mismatch': { vi: 'Năm sinh không khớp với ngày sinh', en: 'Birth year does not match the date of birth' },
  'validation.birth_required': { vi: 'Cần ngày sinh hoặc năm sinh', en: 'Date or year of birth is required' },
  'validation.national_id_format': { vi: 'Số định danh phải là CCCD 12 chữ số hoặc CMND 9 chữ số', en: 'National ID must be a 12-digit CCCD or a 9-digit CMND' },
  'validation.national_id_province': { vi: 'Ba chữ số đầu của CCCD không phải mã tỉnh hợp lệ (001–096)', en: 'The first three digits of the CCCD are not a valid province code (001–096)' },
  'validation.national_id_birth_year': { vi: 'Năm sinh mã hóa trong CCCD không khớp với năm sinh', en: 'The birth year encoded in the CCCD does not match the birth year' },
  'validation.phone': { vi: 'Số điện thoại di động Việt Nam không hợp lệ (10 chữ số, ví dụ 0912345678)', en: 'Invalid Vietnamese mobile number (10 digits, e.g. 0912345678)' },
  'validation.name': { vi: 'Họ và tên phải có từ 2 đến 100 ký tự chữ', en: 'Full name must have 2 to 100 letters' },
  'validation.unit_unknown': { vi: 'Mã đơn vị hành chính {code} không tồn tại hoặc không còn hiệu lực vào ngày {date}', en: 'Administrative unit {code} does not exist or is not valid on {date}' },
  'validation.unit_out_of_scope': { vi: 'Đơn vị {code} nằm ngoài phạm vi quản lý của bạn', en: 'Unit {code} is outside your scope' },
  'validation.unit_level': { vi: 'Đơn vị {code} không phải cấp {level}', en: 'Unit {code} is not a {level}' },
  'validation.hamlet_commune': { vi: 'Ấp/khu vực {code} không thuộc xã/phường đã chọn', en: 'Hamlet {code} is not in the chosen commune' },
  'validation.password': { vi: 'Mật khẩu phải có ít nhất 10 ký tự', en: 'Password must have at least 10 characters' },
  'validation.username': { vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới (3–40 ký tự)', en: 'Username: lower-case letters, digits, dot, underscore (3–40 characters)' },
  'validation.scope': { vi: 'Phạm vi phải có ít nhất một đơn vị hành chính', en: 'Scope must have at least one administrative unit' },
  'http.malformed_json': { vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  'http.body_too_large': { vi: 'Nội dung gửi lên quá lớn', en: 'The request body is too large' },
  'http.unsupported_media_type': { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
  'http.not_found': { vi: 'Không tìm thấy', en: 'Not found' },
  'http.internal': { vi: 'Lỗi hệ thống, vui lòng thử lại sau', en: 'Internal error, please try again later' },
  'auth.required': { vi: 'Vui lòng đăng nhập', en: 'Please log in' },
  'auth.invalid_credentials': { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
  'auth.locked': { vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần, thử lại sau {minutes} phút', en: 'Account locked after repeated failures; try again in {minutes} minutes' },
  'auth.rate_limited': { vi: 'Quá nhiều lần đăng nhập từ địa chỉ này, thử lại sau', en: 'Too many login attempts from this address; try again later' },
  'auth.csrf': { vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)', en: 'Missing or wrong CSRF token' },
  'auth.forbidden': { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  'auth.wrong_password': { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' },
  'people.person_not_found': { vi: 'Không tìm thấy người này', en: 'Person not found' },
  'people.household_not_found': { vi: 'Không tìm thấy hộ gia đình', en: 'Household not found' },
  'people.national_id_taken': { vi: 'Số định danh {nationalId} đã có trong hồ sơ của {fullName}', en: 'National ID {nationalId} already belongs to {fullName}' },
  'people.national_id_taken_elsewhere': { vi: 'Số định danh {nationalId} đã có trong hồ sơ ở đơn vị khác; liên hệ cấp trên để chuyển hồ sơ', en: 'National ID {nationalId} already belongs to a record in another unit; ask your superior to transfer it' },
  'people.version_conflict': { vi: 'Hồ sơ đã được người khác sửa, vui lòng tải lại', en: 'The record was changed by someone else; reload it' },
  'people.merge_same': { vi: 'Không thể gộp một người với chính người đó', en: 'Cannot merge a person with itself' },
  'people.merged': { vi: 'Hồ sơ này đã được gộp vào hồ sơ khác', en: 'This record was merged into another one' },
  'people.household_commune': { vi: 'Hộ gia đình thuộc xã/phường khác với người này', en: 'The household is in another commune' },
  'cases.not_found': { vi: 'Không tìm thấy ca bệnh', en: 'Case not found' },
  'cases.person_has_case': { vi: 'Người này đã có ca bệnh đang theo dõi ({caseCode})', en: 'This person already has an active case ({caseCode})' },
  'cases.sampled_after_confirmed': { vi: 'Ngày lấy mẫu dương tính không được sau ngày xác định ca bệnh', en: 'The positive sample date must not be after the confirmation date' },
  'cases.onset_after_confirmed': { vi: 'Ngày khởi phát không được sau ngày xác định ca bệnh', en: 'Symptom onset must not be after confirmation' },
  'cases.exposure_ends_before_start': { vi: 'Thời điểm kết thúc tiếp xúc phải sau thời điểm bắt đầu', en: 'The exposure must end after it starts' },
  'cases.self_exposure': { vi: 'Người tiếp xúc phải khác người nguồn lây', en: 'The exposed person must differ from the source' },
  'cases.exposure_duplicate': { vi: 'Tiếp xúc này đã được ghi nhận', en: 'This exposure is already recorded' },
  'cases.contact_type': { vi: 'Hình thức tiếp xúc {contactType} không có trong bộ quy tắc phân loại đang áp dụng', en: 'Contact type {contactType} is not in the classification rule set in force' },
  'cases.investigation_incomplete': { vi: 'Phiếu điều tra còn thiếu {count} mục bắt buộc', en: 'The investigation is missing {count} required fields' },
  'cases.place_not_found': { vi: 'Không tìm thấy địa điểm', en: 'Place not found' },
  'cases.cluster_not_found': { vi: 'Không tìm thấy ổ dịch', en: 'Cluster not found' },
  'cases.already_withdrawn': { vi: 'Ca bệnh đã được hủy trước đó', en: 'The case was already withdrawn' },
  'geography.unit_not_found': { vi: 'Không tìm thấy đơn vị hành chính', en: 'Administrative unit not found' },
  'geography.import_rows': { vi: 'Tệp có {count} dòng lỗi; không dòng nào được nhập', en: 'The file has {count} bad rows; nothing was imported' },
  'geography.csv_header': { vi: 'Dòng tiêu đề CSV phải gồm: {columns}', en: 'The CSV header must be: {columns}' },
  'rules.not_found': { vi: 'Không tìm thấy bộ quy tắc', en: 'Rule set not found' },
  'rules.version_taken': { vi: 'Phiên bản {version} của bộ quy tắc này đã tồn tại', en: 'Version {version} of this rule set already exists' },
  'rules.confidence_pointer': { vi: 'Nhãn độ tin cậy trỏ tới giá trị không có: {pointer}', en: 'Confidence tag points at a missing value: {pointer}' },
  'users.not_found': { vi: 'Không tìm thấy người dùng', en: 'User not found' },
  'users.username_taken': { vi: 'Tên đăng nhập {username} đã được dùng', en: 'Username {username} is taken' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CATALOG, value);
}

export function messageFor(code: ErrorCode, locale: 'vi' | 'en' = 'vi', params: Record<string, unknown> = {}): string {
  return ERROR_CATALOG[code][locale].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
