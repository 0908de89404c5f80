import { defineContract } from '@domain/contract';

/**
 * Tracing's permissions and error codes. Its error codes keep the `cases.` prefix they had before tracing was split
 * out of cases (clients already read them); the codes are owned here.
 */
export const tracingContract = defineContract({
  name: 'tracing',
  permissions: {
    'tracing.read': 'Xem tiếp xúc, phân loại F0/F1/F2, danh sách theo dõi, chuỗi lây nhiễm, ổ dịch, địa điểm',
    'tracing.write': 'Ghi tiếp xúc, nhập danh sách tiếp xúc, đặt tên ổ dịch, thêm địa điểm',
  },
  errors: {
    'cases.exposure_ends_before_start': { vi: 'Thời điểm kết thúc tiếp xúc phải sau thời điểm bắt đầu', en: 'The exposure must end after it starts' },
    'cases.self_exposure': { vi: 'Người tiếp xúc phải khác người nguồn lây', en: 'The exposed person must differ from the source' },
    'cases.exposure_duplicate': { vi: 'Tiếp xúc này đã được ghi nhận', en: 'This exposure is already recorded' },
    'cases.contact_type': {
      vi: 'Hình thức tiếp xúc {contactType} không có trong bộ quy tắc phân loại đang áp dụng',
      en: 'Contact type {contactType} is not in the classification rule set in force',
    },
    'cases.place_not_found': { vi: 'Không tìm thấy địa điểm', en: 'Place not found' },
    'cases.cluster_not_found': { vi: 'Không tìm thấy ổ dịch', en: 'Cluster not found' },
    'cases.cluster_exists': {
      vi: 'Chuỗi lây nhiễm của ca này đã được đặt tên là ổ dịch «{name}»',
      en: "This case's chain is already named as the cluster “{name}”",
    },
  },
});
