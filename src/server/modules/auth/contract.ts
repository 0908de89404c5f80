import { defineContract } from '@domain/contract';

/** The auth module's permissions and error codes. */
export const authContract = defineContract({
  name: 'auth',
  errors: {
    'auth.required': { vi: 'Vui lòng đăng nhập', en: 'Please log in' },
    'auth.invalid_credentials': { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password' },
    'auth.locked': {
      vi: 'Đăng nhập sai nhiều lần từ máy này, thử lại sau {minutes} phút',
      en: 'Too many failed sign-ins from this device; try again in {minutes} minutes',
    },
    'auth.rate_limited': { vi: 'Quá nhiều lần đăng nhập từ địa chỉ này, thử lại sau', en: 'Too many login attempts from this address; try again later' },
    'auth.csrf': { vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)', en: 'Missing or wrong CSRF token' },
    'auth.forbidden': { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
    'auth.wrong_password': { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' },
    'auth.token_invalid': { vi: 'Khóa API không hợp lệ, đã hết hạn hoặc đã bị thu hồi', en: 'The API token is invalid, expired or revoked' },
    'auth.token_not_accepted': { vi: 'Chức năng này không nhận khóa API; hãy đăng nhập', en: 'This endpoint does not accept API tokens; sign in' },
  },
});
