import { defineContract } from '@domain/contract';

/** The zones module's permissions and error codes: risk levels per unit, their decisions, measures in force. */
export const zonesContract = defineContract({
  name: 'zones',
  permissions: {
    'zones.read': 'Xem cấp độ dịch, đề xuất và quyết định, biện pháp đang áp dụng, bản đồ',
    'zones.write': 'Nhập số liệu đầu vào (độ bao phủ vắc xin, khả năng thu dung), chạy đánh giá cấp độ',
    'zones.decide': 'Ban hành quyết định cấp độ dịch, dỡ phong tỏa (số quyết định, người ký)',
    'zones.lockdown': 'Xem hộ, người dân, các vòng xét nghiệm và hàng hỗ trợ của vùng phong tỏa; khoanh vùng, ghi hàng hỗ trợ',
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
    'zones.zone_not_found': { vi: 'Không tìm thấy vùng phong tỏa', en: 'Lockdown zone not found' },
    'zones.zone_no_households': { vi: 'Vùng phong tỏa phải có ít nhất một hộ gia đình', en: 'A lockdown zone needs at least one household' },
    'zones.household_outside_commune': {
      vi: 'Hộ gia đình {household} không thuộc xã/phường {commune}',
      en: 'Household {household} is not in the commune {commune}',
    },
    'zones.household_in_zone': {
      vi: 'Hộ gia đình {household} đang thuộc vùng phong tỏa «{zone}» (từ {day})',
      en: 'Household {household} is already in the active lockdown zone “{zone}” (since {day})',
    },
    'zones.hamlet_outside_commune': { vi: 'Ấp/khu vực {hamlet} không thuộc xã/phường {commune}', en: 'Hamlet {hamlet} is not in the commune {commune}' },
    'zones.case_unknown': { vi: 'Không tìm thấy ca bệnh {caseId}', en: 'Case {caseId} not found' },
    'zones.not_eligible': { vi: 'Chưa đủ điều kiện dỡ phong tỏa: {reasons}', en: 'The zone cannot be lifted yet: {reasons}' },
    'zones.zone_lifted': { vi: 'Vùng phong tỏa đã được dỡ ngày {day}', en: 'The zone was lifted on {day}' },
    'zones.lift_before_start': { vi: 'Ngày dỡ phong tỏa phải từ ngày bắt đầu ({day}) trở đi', en: 'The lift date must be on or after the start ({day})' },
    'zones.supply_household': { vi: 'Hộ gia đình này không thuộc vùng phong tỏa', en: 'This household is not in the lockdown zone' },
    'zones.boundary_not_geojson': {
      vi: 'Tệp không phải GeoJSON: cần một FeatureCollection có danh sách features',
      en: 'The file is not GeoJSON: a FeatureCollection with a list of features is expected',
    },
    'zones.boundary_empty': { vi: 'Tệp GeoJSON không có đối tượng (feature) nào', en: 'The GeoJSON file has no features' },
    'zones.boundary_feature': { vi: 'Đối tượng thứ {n} không phải một Feature của GeoJSON', en: 'Item {n} is not a GeoJSON Feature' },
    'zones.boundary_geometry': {
      vi: 'Đối tượng thứ {n} (mã {code}): hình phải là Polygon hoặc MultiPolygon, tệp ghi {type}',
      en: 'Feature {n} (code {code}): the geometry must be a Polygon or MultiPolygon, the file has {type}',
    },
    'zones.boundary_coordinates': {
      vi: 'Đối tượng thứ {n} (mã {code}): tọa độ {at} không hợp lệ, cần [kinh độ, vĩ độ] là số (kinh độ từ -180 đến 180, vĩ độ từ -90 đến 90)',
      en: 'Feature {n} (code {code}): coordinates {at} are invalid, [longitude, latitude] numbers are expected (longitude -180 to 180, latitude -90 to 90)',
    },
    'zones.boundary_ring': {
      vi: 'Đối tượng thứ {n} (mã {code}): vòng {at} của đa giác phải có ít nhất 4 điểm và khép kín (điểm cuối trùng điểm đầu)',
      en: 'Feature {n} (code {code}): polygon ring {at} must have at least 4 points and be closed (last point equal to the first)',
    },
    'zones.boundary_code_missing': {
      vi: 'Đối tượng thứ {n}: thiếu mã xã/phường trong thuộc tính {property}',
      en: 'Feature {n}: no commune code in property {property}',
    },
    'zones.boundary_code_unknown': {
      vi: 'Đối tượng thứ {n}: mã {code} không tồn tại hoặc không còn hiệu lực vào ngày {date}',
      en: 'Feature {n}: code {code} does not exist or is not valid on {date}',
    },
    'zones.boundary_code_level': {
      vi: 'Đối tượng thứ {n}: mã {code} là {name}, không phải xã/phường/thị trấn',
      en: 'Feature {n}: code {code} is {name}, not a commune',
    },
    'zones.boundary_code_province': {
      vi: 'Đối tượng thứ {n}: mã {code} ({name}) thuộc {province}, không thuộc {expected}',
      en: 'Feature {n}: code {code} ({name}) is in {province}, not in {expected}',
    },
    'zones.boundary_code_twice': {
      vi: 'Đối tượng thứ {n}: mã {code} đã có ở đối tượng thứ {first}',
      en: 'Feature {n}: code {code} is already used by feature {first}',
    },
    'zones.boundary_more_errors': {
      vi: 'Còn {count} lỗi khác không liệt kê; sửa các lỗi trên rồi gửi lại tệp',
      en: '{count} more errors not listed; fix those above and send the file again',
    },
  },
});
