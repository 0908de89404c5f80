import { defineContract } from '@domain/contract';

/** The campaigns module's permissions and error codes. */
export const campaignsContract = defineContract({
  name: 'campaigns',
  permissions: {
    'campaigns.read': 'Xem chiến dịch xét nghiệm: vòng, tiến độ theo xã, kế hoạch ngày mai (số liệu tổng hợp)',
    'campaigns.work': 'Xem danh sách hộ cần lấy mẫu của tổ (địa chỉ, người trong hộ), tải kế hoạch theo tổ',
    'campaigns.plan': 'Khai báo công suất tổ lấy mẫu và phòng xét nghiệm, lập, sửa và duyệt kế hoạch lấy mẫu',
    'campaigns.manage': 'Tạo chiến dịch xét nghiệm diện rộng',
  },
  errors: {
    'campaigns.not_found': { vi: 'Không tìm thấy chiến dịch xét nghiệm', en: 'Campaign not found' },
    'campaigns.period_invalid': { vi: 'Trường endsOn: ngày kết thúc phải sau ngày bắt đầu', en: 'Field endsOn: the end must be after the start' },
    'campaigns.no_rules': { vi: 'Không có quy định xét nghiệm nào áp dụng ngày {day}', en: 'No testing rule set is in force on {day}' },
    'campaigns.commune_repeated': { vi: '{commune} được chọn hai lần', en: '{commune} was chosen twice' },
    'campaigns.interval_invalid': {
      vi: '{commune} thuộc «{population}»: quy định lấy mẫu {min}–{max} ngày/lần, đã nhập {value}',
      en: '{commune} is “{population}”: the rule says every {min}–{max} days, {value} was given',
    },
    'campaigns.rounds_too_few': {
      vi: '{commune}: {every} ngày/lần chỉ được {rounds} vòng trong thời gian chiến dịch, quy định ít nhất {min} vòng',
      en: '{commune}: every {every} days gives {rounds} round(s) in the period; the rule asks for at least {min}',
    },
    'campaigns.method_not_allowed': {
      vi: '{commune} thuộc «{population}»: quy định không dùng phương pháp {method}',
      en: '{commune} is “{population}”: the rule does not allow {method}',
    },
    'campaigns.no_group_rule': {
      vi: 'Bộ quy tắc xét nghiệm đang áp dụng không có tần suất cho nhóm đối tượng (người lao động thiết yếu)',
      en: 'The testing rules in force have no frequency for groups of workers',
    },
    'campaigns.group_empty': {
      vi: '{group}: không có người nào ở {commune} có nghề nghiệp khớp các từ đã nhập',
      en: '{group}: nobody in {commune} has an occupation matching these words',
    },
    'campaigns.overlap': {
      vi: '{commune} đã thuộc chiến dịch «{name}» ({from}–{to}) cùng đối tượng',
      en: '{commune} is already in the campaign “{name}” ({from}–{to}) for the same population',
    },
    'campaigns.closed': { vi: 'Chiến dịch đã kết thúc', en: 'The campaign is closed' },
    'campaigns.out_of_scope': { vi: 'Chiến dịch có xã/phường ngoài phạm vi của bạn', en: 'The campaign has communes outside your scope' },
    'campaigns.team_not_found': { vi: 'Không tìm thấy tổ lấy mẫu', en: 'Sampling team not found' },
    'campaigns.team_outside': { vi: 'Tổ {team} làm việc ở xã/phường không thuộc chiến dịch', en: 'Team {team} works in a commune outside the campaign' },
    'campaigns.hamlet_outside': { vi: 'Ấp/khu vực {hamlet} không thuộc xã/phường của tổ', en: 'Hamlet {hamlet} is not in the team’s commune' },
    'campaigns.lab_not_found': { vi: 'Không tìm thấy phòng xét nghiệm', en: 'Lab not found' },
    'campaigns.district_outside': {
      vi: 'Quận/huyện {district} không có xã/phường nào trong chiến dịch',
      en: 'District {district} has no commune in the campaign',
    },
    'campaigns.no_teams': { vi: 'Chiến dịch chưa có tổ lấy mẫu nào: khai báo công suất tổ trước khi lập kế hoạch', en: 'The campaign has no teams yet' },
    'campaigns.no_labs': { vi: 'Chiến dịch chưa có phòng xét nghiệm nào: khai báo công suất phòng xét nghiệm trước', en: 'The campaign has no labs yet' },
    'campaigns.plan_day_invalid': {
      vi: 'Trường day: chỉ lập kế hoạch cho hôm nay hoặc ngày mai, trong thời gian chiến dịch ({from}–{to})',
      en: 'Field day: plans are for today or tomorrow, within the campaign ({from}–{to})',
    },
    'campaigns.plan_not_found': { vi: 'Không tìm thấy kế hoạch lấy mẫu', en: 'Plan not found' },
    'campaigns.plan_approved': { vi: 'Kế hoạch ngày {day} đã được duyệt', en: 'The plan of {day} was already approved' },
    'campaigns.plan_superseded': { vi: 'Kế hoạch này đã được thay bằng kế hoạch lập sau', en: 'This plan was replaced by a later one' },
    'campaigns.plan_started': {
      vi: 'Các tổ đã bắt đầu lấy mẫu theo kế hoạch ngày {day}: không sửa được, hãy lập lại kế hoạch (giữ các hộ đã lấy mẫu)',
      en: 'Teams have started sampling on the plan of {day}: it cannot be edited; re-plan (the sampled households are kept)',
    },
    'campaigns.plan_changed': { vi: 'Kế hoạch đã được người khác sửa, vui lòng tải lại', en: 'The plan was changed by someone else; reload it' },
    'campaigns.hamlet_not_planned': { vi: 'Kế hoạch không có hộ nào ở ấp/khu vực {hamlet}', en: 'The plan has no household in hamlet {hamlet}' },
  },
});
