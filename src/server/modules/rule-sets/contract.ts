import { defineContract } from '@domain/contract';

/** The rule-sets module's permissions and error codes. */
export const ruleSetsContract = defineContract({
  name: 'rule-sets',
  permissions: {
    'rules.read': 'Xem bộ quy tắc',
    'rules.manage': 'Tạo, kích hoạt bộ quy tắc',
  },
  errors: {
    'rules.not_found': { vi: 'Không tìm thấy bộ quy tắc', en: 'Rule set not found' },
    'rules.version_taken': { vi: 'Phiên bản {version} của bộ quy tắc này đã tồn tại', en: 'Version {version} of this rule set already exists' },
    'rules.confidence_pointer': { vi: 'Nhãn độ tin cậy trỏ tới giá trị không có: {pointer}', en: 'Confidence tag points at a missing value: {pointer}' },
  },
});
