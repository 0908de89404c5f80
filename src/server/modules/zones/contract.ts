import { defineContract } from '@domain/contract';

/** The zones module's permissions and error codes: risk levels per unit, their decisions, measures in force. */
export const zonesContract = defineContract({
  name: 'zones',
  permissions: {
    'zones.read': 'Xem cấp độ dịch, đề xuất và quyết định, biện pháp đang áp dụng, bản đồ',
    'zones.write': 'Nhập số liệu đầu vào (độ bao phủ vắc xin, khả năng thu dung), chạy đánh giá cấp độ',
    'zones.decide': 'Ban hành quyết định cấp độ dịch (số quyết định, người ký)',
  },
  errors: {
    'zones.no_regime': {
      vi: 'Không có bộ tiêu chí đánh giá cấp độ dịch nào có hiệu lực ngày {day}',
      en: 'No risk-level criteria are in force on {day}',
    },
    'zones.unit_not_assessed': { vi: 'Đơn vị {unit} chưa có kết quả đánh giá ngày {day}', en: 'Unit {unit} has no assessment for {day}' },
    'zones.level_outside_regime': {
      vi: 'Cấp độ {level} không thuộc bộ tiêu chí {regime}',
      en: 'Level {level} is not a level of {regime}',
    },
    'zones.effective_before_assessment': {
      vi: 'Ngày hiệu lực phải từ ngày đánh giá ({day}) trở đi',
      en: 'The effective date must be on or after the assessment day ({day})',
    },
    'zones.unit_level': { vi: 'Đơn vị {unit} không phải xã, huyện hay tỉnh/thành phố', en: 'Unit {unit} is not a commune, district or province' },
    'zones.share': { vi: 'Trường {field}: tỷ lệ phải từ 0 đến 1 (0%–100%)', en: 'Field {field}: the share must be between 0 and 1 (0%–100%)' },
    'zones.capacity_value': {
      vi: 'Trường {field}: khả năng thu dung chỉ nhận 0 (chưa đáp ứng) hoặc 1 (đáp ứng)',
      en: 'Field {field}: capacity takes 0 (not met) or 1 (met)',
    },
    'zones.unit_out_of_scope': { vi: 'Đơn vị {unit} nằm ngoài phạm vi của bạn', en: 'Unit {unit} is outside your scope' },
  },
});
