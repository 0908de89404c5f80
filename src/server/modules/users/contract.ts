import { defineContract } from '@domain/contract';

/** The users module's permissions and error codes. */
export const usersContract = defineContract({
  name: 'users',
  permissions: {
    'users.manage': 'Quản lý tài khoản',
  },
  errors: {
    'users.last_admin': {
      vi: 'Không thể bỏ quyền hoặc khóa quản trị viên hệ thống cuối cùng',
      en: 'The last system administrator cannot be demoted or disabled',
    },
    'users.not_found': { vi: 'Không tìm thấy người dùng', en: 'User not found' },
    'users.username_taken': { vi: 'Tên đăng nhập {username} đã được dùng', en: 'Username {username} is taken' },
  },
});
