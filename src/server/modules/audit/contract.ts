import { defineContract } from '@domain/contract';

/** The audit module's permissions and error codes. */
export const auditContract = defineContract({
  name: 'audit',
  permissions: {
    'audit.read': 'Tra cứu nhật ký truy cập (cấp tỉnh/thành phố)',
  },
  errors: {
    'audit.city_only': {
      vi: 'Chỉ tài khoản phạm vi toàn thành phố (tỉnh) mới được xem nhật ký truy cập',
      en: 'Only accounts with city-wide (province) scope may read the access log',
    },
  },
});
