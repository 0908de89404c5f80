import type { Widen } from '@web/app/i18n/catalog';

/** Words every quarantine page uses: kinds, statuses, reasons, classes, tasks, capacity figures. */
export const vi = {
  quarantine: {
    kinds: { quarantine: 'Cách ly tập trung', treatment: 'Điều trị' },
    statuses: { open: 'Mở', full: 'Đầy', closed: 'Đóng (khử khuẩn)' },
    reasons: { f1: 'F1', arrival: 'Người đến từ vùng dịch', f0_treatment: 'F0 điều trị', f0_home: 'F0 điều trị tại nhà' },
    vaccination: { full: 'Đủ liều', partial: 'Chưa đủ liều', none: 'Chưa tiêm' },
    settings: { facility: 'Tập trung', home: 'Tại nhà' },
    classes: { F0: 'F0', F1: 'F1', F2: 'F2', arrival: 'Người đến từ vùng dịch' } as Record<string, string>,
    stayStatuses: { open: 'Đang ở', released: 'Đã ra', transferred: 'Đã chuyển', absent: 'Vắng mặt' },
    taskKinds: { test: 'Xét nghiệm', retest: 'Xét nghiệm lại', transfer: 'Chuyển điều trị', urgent_transfer: 'Chuyển viện khẩn' },
    beds: 'Giường',
    occupied: 'Đang dùng',
    free: 'Còn trống',
    icu: 'Hồi sức (ICU)',
    oxygen: 'Điểm oxy',
    arrivalsToday: 'Vào hôm nay',
    releasesToday: 'Ra hôm nay',
    releasesDue7: 'Dự kiến ra 7 ngày tới',
    usedOf: '{used}/{total}',
    positiveOn: 'Dương tính {day}',
    exposedOn: 'Phơi nhiễm {day}',
    admit: 'Tiếp nhận',
    day: 'Ngày',
  },
};

export const en: Widen<typeof vi> = {
  quarantine: {
    kinds: { quarantine: 'Quarantine site', treatment: 'Treatment' },
    statuses: { open: 'Open', full: 'Full', closed: 'Closed (disinfection)' },
    reasons: { f1: 'Close contact (F1)', arrival: 'Arrival from an outbreak area', f0_treatment: 'F0 treatment', f0_home: 'F0 home care' },
    vaccination: { full: 'Fully vaccinated', partial: 'Partly vaccinated', none: 'Not vaccinated' },
    settings: { facility: 'Facility', home: 'At home' },
    classes: { F0: 'F0', F1: 'F1', F2: 'F2', arrival: 'Arrival' },
    stayStatuses: { open: 'Present', released: 'Released', transferred: 'Transferred', absent: 'Absent' },
    taskKinds: { test: 'Test', retest: 'Re-test', transfer: 'Transfer to treatment', urgent_transfer: 'Urgent transfer' },
    beds: 'Beds',
    occupied: 'Occupied',
    free: 'Free',
    icu: 'Intensive care (ICU)',
    oxygen: 'Oxygen points',
    arrivalsToday: 'Arrivals today',
    releasesToday: 'Releases today',
    releasesDue7: 'Releases due in 7 days',
    usedOf: '{used}/{total}',
    positiveOn: 'Positive {day}',
    exposedOn: 'Exposed {day}',
    admit: 'Admit',
    day: 'Day',
  },
};
