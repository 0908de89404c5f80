import { defineContract } from '@domain/contract';

/** The quarantine module's permissions and error codes: facilities, rooms and cohorts, stays, home care, release. */
export const quarantineContract = defineContract({
  name: 'quarantine',
  permissions: {
    'quarantine.read': 'Xem cơ sở cách ly, điều trị và bảng công suất giường (số liệu tổng hợp)',
    'quarantine.manage': 'Thêm, sửa cơ sở cách ly, điều trị, phòng, giường; phân công nhân viên cơ sở',
    'quarantine.stays': 'Tiếp nhận, chuyển, cho ra khỏi khu cách ly; theo dõi sức khỏe hằng ngày tại nhà; cấp giấy hoàn thành cách ly',
    'quarantine.override': 'Xếp người vào phòng của nhóm khác (có lý do, ghi nhật ký)',
  },
  errors: {
    'quarantine.facility_not_found': { vi: 'Không tìm thấy cơ sở cách ly, điều trị', en: 'Facility not found' },
    'quarantine.room_not_found': { vi: 'Không tìm thấy phòng', en: 'Room not found' },
    'quarantine.stay_not_found': { vi: 'Không tìm thấy lượt cách ly, điều trị', en: 'Stay not found' },
    'quarantine.tier_unknown': {
      vi: 'Trường {field}: tầng/loại cơ sở «{tier}» không có trong quy định đang áp dụng',
      en: 'Field {field}: unknown tier “{tier}”',
    },
    'quarantine.tier_kind': {
      vi: 'Tầng «{tier}» dành cho {kind}, không dùng cho loại cơ sở này',
      en: 'Tier “{tier}” is for {kind}, not for this kind of facility',
    },
    'quarantine.room_code_taken': { vi: 'Phòng {code} đã có trong cơ sở này', en: 'Room {code} already exists in this facility' },
    'quarantine.beds_below_occupied': {
      vi: 'Phòng {code} đang có {occupied} người, không thể giảm xuống {beds} giường',
      en: 'Room {code} holds {occupied} people, it cannot go down to {beds} beds',
    },
    'quarantine.facility_closed': { vi: 'Cơ sở «{name}» đang đóng (khử khuẩn), không tiếp nhận', en: 'Facility “{name}” is closed (disinfection)' },
    'quarantine.open_stay': {
      vi: 'Người này đang cách ly/điều trị tại {place} từ {day}; kết thúc hoặc chuyển lượt đó trước',
      en: 'This person already has an open stay at {place} since {day}',
    },
    'quarantine.bed_taken': { vi: 'Giường {bed} của phòng {room} đã có người', en: 'Bed {bed} of room {room} is taken' },
    'quarantine.bed_unknown': { vi: 'Phòng {room} không có giường số {bed} (phòng có {beds} giường)', en: 'Room {room} has no bed {bed} ({beds} beds)' },
    'quarantine.room_full': { vi: 'Phòng {room} đã đủ {beds} người', en: 'Room {room} is full ({beds} beds)' },
    'quarantine.cohort_class': {
      vi: 'Phòng {room} đang giữ nhóm {cohort}; xếp một người {cls} vào là lây nhiễm chéo (cần quyền ghi đè và lý do)',
      en: 'Room {room} holds a {cohort} cohort; admitting a {cls} mixes cohorts (needs an override and a reason)',
    },
    'quarantine.cohort_window': {
      vi: 'Phòng {room} giữ nhóm vào từ {from} đến {to}; người vào ngày {day} thuộc nhóm khác (cần quyền ghi đè và lý do)',
      en: 'Room {room} holds the cohort admitted {from}–{to}; an entry on {day} is another cohort (needs an override and a reason)',
    },
    'quarantine.cohort_exposed': {
      vi: 'Phòng {room} có người dương tính ngày {day}; không xếp thêm người (cần quyền ghi đè và lý do)',
      en: 'Room {room} has had a positive on {day}; nobody else may enter (needs an override and a reason)',
    },
    'quarantine.override_forbidden': { vi: 'Bạn không có quyền xếp người vào phòng của nhóm khác', en: 'You may not override the cohort rule' },
    'quarantine.no_situation': {
      vi: 'Quy định cách ly ngày {day} không có trường hợp cho {cls}, {setting}, tiêm chủng «{vaccination}»',
      en: 'The quarantine rule of {day} has no situation for {cls}, {setting}, vaccination “{vaccination}”',
    },
    'quarantine.home_not_qualified': {
      vi: 'Trường homeQualifies: nơi ở phải đủ điều kiện cách ly tại nhà (phòng riêng, khu vệ sinh riêng) mới cho cách ly tại nhà',
      en: 'Field homeQualifies: home quarantine needs a qualifying home (own room, own toilet)',
    },
    'quarantine.facility_kind': {
      vi: 'Cơ sở «{name}» là {kind}; {reason} cần {expected}',
      en: 'Facility “{name}” is a {kind} facility; {reason} needs a {expected} facility',
    },
    'quarantine.future_day': { vi: 'Trường {field}: ngày {day} chưa tới', en: 'Field {field}: {day} is in the future' },
    'quarantine.before_start': { vi: 'Trường {field}: ngày {day} trước ngày vào ({start})', en: 'Field {field}: {day} is before the entry ({start})' },
    'quarantine.stay_closed': { vi: 'Lượt cách ly này đã kết thúc ngày {day}', en: 'This stay ended on {day}' },
    'quarantine.release_before_end': {
      vi: 'Trường day: chưa hết thời gian cách ly (ngày cuối {lastDay})',
      en: 'Field day: the quarantine lasts until {lastDay}',
    },
    'quarantine.release_test_missing': {
      vi: 'Chưa có kết quả âm tính của lần xét nghiệm ngày {day}; chưa thể cho ra khỏi khu cách ly',
      en: 'The test of {day} has no negative result yet; the person cannot be released',
    },
    'quarantine.release_positive': {
      vi: 'Người này có kết quả dương tính ngày {day}: chuyển điều trị, không cấp giấy hoàn thành cách ly',
      en: 'This person tested positive on {day}: transfer to treatment, no release certificate',
    },
    'quarantine.not_released': { vi: 'Lượt này chưa được cho ra khỏi khu cách ly, chưa có giấy', en: 'This stay has not been released; no certificate yet' },
    'quarantine.not_home': { vi: 'Theo dõi hằng ngày chỉ dành cho người cách ly, điều trị tại nhà', en: 'Daily checks are for home stays only' },
    'quarantine.vital_range': {
      vi: 'Trường {field}: giá trị {value} ngoài khoảng {min}–{max}',
      en: 'Field {field}: {value} is outside {min}–{max}',
    },
    'quarantine.sign_unknown': { vi: 'Trường warningSigns: dấu hiệu «{code}» không có trong danh sách', en: 'Field warningSigns: unknown sign “{code}”' },
    'quarantine.task_not_found': { vi: 'Không tìm thấy việc cần làm', en: 'Task not found' },
    'quarantine.certificate_unknown': { vi: 'Không có giấy hoàn thành cách ly nào ứng với mã này', en: 'No release certificate has this code' },
  },
});
