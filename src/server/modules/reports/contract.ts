import { defineContract } from '@domain/contract';

/** The reports module's permissions and error codes. */
export const reportsContract = defineContract({
  name: 'reports',
  permissions: {
    'reports.read': 'Xem bảng điều hành: số liệu tổng hợp trong phạm vi (ca bệnh, xét nghiệm, cấp độ dịch), không có dữ liệu cá nhân',
  },
  errors: {
    'reports.day_future': { vi: 'Trường day: ngày {day} chưa đến, chưa có số liệu', en: 'Field day: {day} has not come yet' },
  },
});
