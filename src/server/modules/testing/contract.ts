import { defineContract } from '@domain/contract';

/** The testing module's permissions and error codes. */
export const testingContract = defineContract({
  name: 'testing',
  permissions: {
    'testing.summary': 'Xem số liệu xét nghiệm tổng hợp, danh mục loại xét nghiệm và phòng xét nghiệm',
    'testing.read': 'Xem từng ống mẫu, buổi lấy mẫu, tổ lấy mẫu, kết quả cá nhân, FHIR',
    'testing.collect': 'Lấy mẫu, tạo buổi, tổ, chuyến chuyển mẫu',
    'testing.lab': 'Tiếp nhận mẫu, trả kết quả, nhập tệp kết quả, xử lý xung đột',
    'testing.manage': 'Quản lý phòng xét nghiệm',
  },
  errors: {
    'testing.lab_not_found': { vi: 'Không tìm thấy phòng xét nghiệm', en: 'Lab not found' },
    'testing.lab_name_taken': { vi: 'Đã có phòng xét nghiệm tên {name}', en: 'A lab named {name} already exists' },
    'testing.team_not_found': { vi: 'Không tìm thấy tổ lấy mẫu', en: 'Sampling team not found' },
    'testing.team_name_taken': { vi: 'Xã/phường này đã có tổ lấy mẫu tên {name}', en: 'This commune already has a sampling team named {name}' },
    'testing.session_not_found': { vi: 'Không tìm thấy buổi lấy mẫu', en: 'Sampling session not found' },
    'testing.sample_not_found': { vi: 'Không tìm thấy mẫu có mã ống {barcode}', en: 'No sample with tube barcode {barcode}' },
    'testing.barcode_invalid': {
      vi: 'Mã ống mẫu không hợp lệ (4–32 ký tự chữ in, số, dấu gạch ngang)',
      en: 'Invalid tube barcode (4–32 capital letters, digits, hyphens)',
    },
    'testing.barcode_taken': { vi: 'Mã ống {barcode} đã được dùng cho một mẫu khác', en: 'Tube barcode {barcode} is already used by another sample' },
    'testing.barcode_repeated': { vi: 'Mã ống {barcode} được nhập hai lần', en: 'Tube barcode {barcode} was entered twice' },
    'testing.barcodes_needed': {
      vi: 'Hộ có {members} người, cỡ gộp tối đa {max}: cần {tubes} ống, đã nhập {given} mã',
      en: 'The household has {members} members, max pool size {max}: {tubes} tubes needed, {given} barcodes given',
    },
    'testing.pool_too_large': {
      vi: 'Một ống gộp tối đa {max} người (quy tắc đang áp dụng), ống này có {members}',
      en: 'A pool holds at most {max} persons under the rules in force; this one has {members}',
    },
    'testing.member_not_in_household': { vi: 'Người này không thuộc hộ gia đình đã chọn', en: 'This person is not a member of the chosen household' },
    'testing.member_repeated': { vi: 'Một người được chọn hai lần trong cùng lần lấy mẫu', en: 'A person was chosen twice in the same collection' },
    'testing.members_required': { vi: 'Cần ít nhất một người được lấy mẫu', en: 'At least one person must be sampled' },
    'testing.single_one_person': { vi: 'Mẫu đơn chỉ của một người', en: 'A single sample belongs to one person' },
    'testing.on_site_antigen_only': { vi: 'Chỉ test nhanh kháng nguyên mới có kết quả ngay tại chỗ', en: 'Only rapid antigen tests have a result on the spot' },
    'testing.antigen_needs_result': { vi: 'Test nhanh kháng nguyên cần nhập kết quả tại chỗ', en: 'A rapid antigen test needs its result on the spot' },
    'testing.collected_in_future': { vi: 'Thời điểm lấy mẫu không được ở tương lai', en: 'The collection time must not be in the future' },
    'testing.shipment_not_found': { vi: 'Không tìm thấy chuyến chuyển mẫu', en: 'Shipment not found' },
    'testing.shipment_received': { vi: 'Chuyến chuyển mẫu này đã được tiếp nhận', en: 'This shipment was already received' },
    'testing.sample_already_shipped': { vi: 'Mẫu {barcode} đã nằm trong chuyến chuyển khác', en: 'Sample {barcode} is already in another shipment' },
    'testing.sample_not_received': { vi: 'Mẫu {barcode} chưa được phòng xét nghiệm tiếp nhận', en: 'Sample {barcode} has not been received by a lab' },
    'testing.sample_other_lab': { vi: 'Mẫu {barcode} do phòng xét nghiệm khác tiếp nhận', en: 'Sample {barcode} was received by another lab' },
    'testing.ct_required': { vi: 'Kết quả RT-PCR dương tính cần giá trị Ct', en: 'A positive RT-PCR result needs a Ct value' },
    'testing.ct_invalid': { vi: 'Giá trị Ct phải là số trong khoảng 0–50 (ví dụ 23,5)', en: 'The Ct value must be a number between 0 and 50 (e.g. 23.5)' },
    'testing.result_invalid': {
      vi: 'Kết quả phải là "Âm tính", "Dương tính" hoặc "Không xác định"',
      en: 'The result must be "negative", "positive" or "invalid"',
    },
    'testing.time_invalid': {
      vi: 'Thời gian có kết quả không hợp lệ (dd/MM/yyyy HH:mm, yyyy-MM-dd HH:mm hoặc ngày giờ Excel)',
      en: 'Invalid result time (dd/MM/yyyy HH:mm, yyyy-MM-dd HH:mm or an Excel date-time)',
    },
    'testing.result_before_collection': { vi: 'Thời gian có kết quả trước thời điểm lấy mẫu', en: 'The result time is before the collection time' },
    'testing.result_in_future': { vi: 'Thời gian có kết quả ở tương lai', en: 'The result time is in the future' },
    'testing.duplicate_in_file': {
      vi: 'Mã ống {barcode} xuất hiện nhiều lần với kết quả khác nhau (dòng {lines})',
      en: 'Barcode {barcode} appears several times with different results (lines {lines})',
    },
    'testing.pool_member_tube': {
      vi: 'Ống {barcode} đã được gộp vào ống {pool}; nhập kết quả cho ống gộp hoặc theo nhiệm vụ xét nghiệm lại',
      en: 'Tube {barcode} was pooled into {pool}; enter the pool result or the retest task',
    },
    'testing.import_empty': { vi: 'Tệp không có dòng kết quả nào', en: 'The file has no result rows' },
    'testing.import_template': {
      vi: 'Tệp không đúng mẫu: thiếu cột {columns}. Tải mẫu tệp kết quả trong trang Nhập kết quả',
      en: 'Wrong template: missing column(s) {columns}. Download the result file template from the import page',
    },
    'testing.import_format': { vi: 'Không đọc được tệp: {reason}', en: 'The file cannot be read: {reason}' },
    'testing.import_rejected': {
      vi: 'Tệp bị từ chối: {count} dòng lỗi, không dòng nào được lưu',
      en: 'File rejected: {count} row(s) with errors, nothing was stored',
    },
    'testing.import_quote': { vi: 'Dấu ngoặc kép không đóng trong dòng', en: 'Unclosed quote in the row' },
    'testing.import_columns': { vi: 'Dòng có {count} cột, mẫu tệp có {expected}', en: 'The row has {count} columns, the template has {expected}' },
    'testing.conflict_not_found': { vi: 'Không tìm thấy kết quả chờ xem xét', en: 'Conflict not found' },
    'testing.conflict_resolved': { vi: 'Kết quả chờ xem xét này đã được xử lý', en: 'This conflict was already resolved' },
    'testing.lookup_not_found': {
      vi: 'Không tìm thấy kết quả với mã ống và số giấy tờ/điện thoại này',
      en: 'No result for this barcode and ID or phone number',
    },
    'testing.rate_limited': { vi: 'Bạn tra cứu quá nhiều lần, vui lòng thử lại sau ít phút', en: 'Too many lookups, please try again in a few minutes' },
    'testing.fhir_parameter_unknown': {
      vi: 'Tham số tìm kiếm {field} không được hỗ trợ (hỗ trợ: patient, date, code, _lastUpdated, _count, page, _include, _format)',
      en: 'Search parameter {field} is not supported (supported: patient, date, code, _lastUpdated, _count, page, _include, _format)',
    },
    'testing.fhir_date': {
      vi: 'Tham số {field}: "{code}" không phải ngày hợp lệ (yyyy-MM-dd hoặc yyyy-MM-ddThh:mm:ss+07:00, có thể kèm tiền tố eq, gt, ge, lt, le)',
      en: 'Parameter {field}: "{code}" is not a valid date (yyyy-MM-dd or yyyy-MM-ddThh:mm:ss+07:00, optionally prefixed eq, gt, ge, lt, le)',
    },
    'testing.fhir_date_needed': {
      vi: 'Cần tham số date (ngày lấy mẫu, tối đa 31 ngày) hoặc patient',
      en: 'Parameter date (sampling day, at most 31 days) or patient is required',
    },
    'testing.fhir_date_range': {
      vi: 'Tham số date: khoảng ngày tối đa 31 ngày, hãy chia nhỏ khoảng tìm kiếm',
      en: 'Parameter date: the range may span at most 31 days; split the search',
    },
    'testing.fhir_patient': {
      vi: 'Tham số {field}: "{code}" không phải tham chiếu Patient hợp lệ (Patient/<mã> hoặc <mã>)',
      en: 'Parameter {field}: "{code}" is not a valid Patient reference (Patient/<id> or <id>)',
    },
    'testing.fhir_code': {
      vi: 'Tham số {field}: "{code}" không phải mã hợp lệ ([hệ mã|]mã, ví dụ http://loinc.org|94500-6)',
      en: 'Parameter {field}: "{code}" is not a valid token ([system|]code, e.g. http://loinc.org|94500-6)',
    },
    'testing.fhir_include': {
      vi: 'Tham số _include: chỉ hỗ trợ Observation:subject, Observation:specimen, Observation:performer (luôn được kèm)',
      en: 'Parameter _include: only Observation:subject, Observation:specimen, Observation:performer are supported (always included)',
    },
    'testing.fhir_format': {
      vi: 'Tham số _format: chỉ hỗ trợ JSON (json, application/fhir+json)',
      en: 'Parameter _format: only JSON is supported (json, application/fhir+json)',
    },
    'testing.fhir_not_found': { vi: 'Không tìm thấy Observation này', en: 'Observation not found' },
    'testing.task_collected': {
      vi: 'Đã lấy mẫu cho nhiệm vụ này (ống {barcode}), đang chờ kết quả',
      en: 'A sample was already taken for this task (tube {barcode}), awaiting its result',
    },
    'testing.task_not_found': { vi: 'Không tìm thấy nhiệm vụ xét nghiệm', en: 'Testing task not found' },
  },
});
