import { defineContract } from '@domain/contract';

/** Codes the platform answers with for any route: input validation and HTTP-level errors. */
export const platformContract = defineContract({
  name: 'platform',
  errors: {
    'validation.invalid': { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
    'validation.required': { vi: 'Trường {field} là bắt buộc', en: 'Field {field} is required' },
    'validation.date': { vi: 'Ngày không hợp lệ (định dạng YYYY-MM-DD, phải là ngày có thật)', en: 'Invalid date (YYYY-MM-DD, must exist)' },
    'validation.date_future': { vi: 'Ngày không được ở tương lai', en: 'Date must not be in the future' },
    'validation.birth_year': { vi: 'Năm sinh không hợp lệ', en: 'Invalid birth year' },
    'validation.birth_year_mismatch': { vi: 'Năm sinh không khớp với ngày sinh', en: 'Birth year does not match the date of birth' },
    'validation.birth_required': { vi: 'Cần ngày sinh hoặc năm sinh', en: 'Date or year of birth is required' },
    'validation.national_id_format': {
      vi: 'Số định danh phải là CCCD 12 chữ số hoặc CMND 9 chữ số',
      en: 'National ID must be a 12-digit CCCD or a 9-digit CMND',
    },
    'validation.national_id_province': {
      vi: 'Ba chữ số đầu của CCCD không phải mã tỉnh hợp lệ (001–096)',
      en: 'The first three digits of the CCCD are not a valid province code (001–096)',
    },
    'validation.national_id_birth_year': {
      vi: 'Năm sinh mã hóa trong CCCD không khớp với năm sinh',
      en: 'The birth year encoded in the CCCD does not match the birth year',
    },
    'validation.phone': {
      vi: 'Số điện thoại di động Việt Nam không hợp lệ (10 chữ số, ví dụ 0912345678)',
      en: 'Invalid Vietnamese mobile number (10 digits, e.g. 0912345678)',
    },
    'validation.name': { vi: 'Họ và tên phải có từ 2 đến 100 ký tự chữ', en: 'Full name must have 2 to 100 letters' },
    'validation.unit_unknown': {
      vi: 'Mã đơn vị hành chính {code} không tồn tại hoặc không còn hiệu lực vào ngày {date}',
      en: 'Administrative unit {code} does not exist or is not valid on {date}',
    },
    'validation.unit_out_of_scope': { vi: 'Đơn vị {code} nằm ngoài phạm vi quản lý của bạn', en: 'Unit {code} is outside your scope' },
    'validation.unit_level': { vi: 'Đơn vị {code} không phải cấp {level}', en: 'Unit {code} is not a {level}' },
    'validation.hamlet_commune': { vi: 'Ấp/khu vực {code} không thuộc xã/phường đã chọn', en: 'Hamlet {code} is not in the chosen commune' },
    'validation.password': { vi: 'Mật khẩu phải có ít nhất 10 ký tự', en: 'Password must have at least 10 characters' },
    'validation.username': {
      vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới (3–40 ký tự)',
      en: 'Username: lower-case letters, digits, dot, underscore (3–40 characters)',
    },
    'validation.scope': { vi: 'Phạm vi phải có ít nhất một đơn vị hành chính', en: 'Scope must have at least one administrative unit' },
    'validation.text_control': {
      vi: 'Trường {field} chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode không trọn vẹn)',
      en: 'Field {field} contains an invalid character (NUL or an unpaired Unicode surrogate)',
    },
    'http.uri_too_long': { vi: 'Địa chỉ yêu cầu quá dài', en: 'The request URI is too long' },
    'http.headers_too_large': { vi: 'Phần đầu (header) của yêu cầu quá lớn', en: 'The request headers are too large' },
    'http.bad_request': { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
    'http.malformed_json': { vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
    'http.body_too_large': { vi: 'Nội dung gửi lên quá lớn', en: 'The request body is too large' },
    'http.unsupported_media_type': { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' },
    'http.not_found': { vi: 'Không tìm thấy', en: 'Not found' },
    'http.internal': { vi: 'Lỗi hệ thống, vui lòng thử lại sau', en: 'Internal error, please try again later' },
  },
});
