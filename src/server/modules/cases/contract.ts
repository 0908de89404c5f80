import { defineContract } from '@domain/contract';

/** The cases module's permissions and error codes. */
export const casesContract = defineContract({
  name: 'cases',
  permissions: {
    'cases.read': 'Xem ca bệnh (F0), phiếu điều tra dịch tễ, chất lượng điều tra',
    'cases.write': 'Ghi nhận, cập nhật, rút ca bệnh; điền phiếu điều tra',
  },
  errors: {
    'cases.not_found': { vi: 'Không tìm thấy ca bệnh', en: 'Case not found' },
    'cases.person_has_case': { vi: 'Người này đã có ca bệnh đang theo dõi ({caseCode})', en: 'This person already has an active case ({caseCode})' },
    'cases.sampled_after_confirmed': {
      vi: 'Ngày lấy mẫu dương tính không được sau ngày xác định ca bệnh',
      en: 'The positive sample date must not be after the confirmation date',
    },
    'cases.onset_after_confirmed': { vi: 'Ngày khởi phát không được sau ngày xác định ca bệnh', en: 'Symptom onset must not be after confirmation' },
    'cases.investigation_incomplete': { vi: 'Phiếu điều tra còn thiếu {count} mục bắt buộc', en: 'The investigation is missing {count} required fields' },
    'cases.already_withdrawn': { vi: 'Ca bệnh đã được hủy trước đó', en: 'The case was already withdrawn' },
  },
});
