import { defineContract } from '@domain/contract';

/** The tokens module's permissions and error codes. */
export const tokensContract = defineContract({
  name: 'tokens',
  permissions: {
    'tokens.manage': 'Cấp, thu hồi khóa API cho hệ thống khác (nền tảng quốc gia, phần mềm phòng xét nghiệm)',
  },
  errors: {
    'tokens.name': { vi: 'Tên khóa API dài 3–120 ký tự (ghi rõ hệ thống nào dùng)', en: 'Token name must be 3–120 characters (say which system uses it)' },
    'tokens.permission_unknown': { vi: 'Quyền {code} không tồn tại', en: 'Unknown permission {code}' },
    'tokens.permissions_empty': { vi: 'Khóa API phải có ít nhất một quyền', en: 'A token needs at least one permission' },
    'tokens.permission_beyond_issuer': {
      vi: 'Không thể cấp quyền {code}: người cấp không có quyền này, hoặc quyền này không dành cho khóa API',
      en: 'Cannot grant {code}: the issuer does not hold it, or it is not for tokens',
    },
    'tokens.scope_beyond_issuer': { vi: 'Đơn vị {code} nằm ngoài phạm vi của người cấp', en: "Unit {code} is outside the issuer's scope" },
    'tokens.expiry_range': { vi: 'Ngày hết hạn phải từ ngày mai đến tối đa một năm nữa', en: 'Expiry must be between tomorrow and one year ahead' },
    'tokens.not_found': { vi: 'Không tìm thấy khóa API', en: 'Token not found' },
  },
});
