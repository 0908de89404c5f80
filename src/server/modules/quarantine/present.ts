import type { Selectable } from 'kysely';
import type { QuarantineChecksTable, QuarantineRoomsTable, QuarantineStaysTable, QuarantineTasksTable } from '../../db/quarantine-tables';
import type { UnitDirectory } from '../geography/directory';
import type { FacilityRow, Identity } from './context';
import type { CheckView, FacilityView, RoomView, StayView, TaskView } from './schemas';

export function presentFacility(f: FacilityRow, units: UnitDirectory, tierName: string): FacilityView {
  const commune = units.get(f.commune_code);
  const district = units.get(f.district_code);
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    tier: f.tier,
    tierName,
    managingAgency: f.managing_agency,
    communeCode: f.commune_code,
    districtCode: f.district_code,
    place: [commune?.name, district?.name].filter(Boolean).join(', '),
    address: f.address,
    status: f.status,
    beds: f.beds,
    occupied: f.occupied,
    free: Math.max(0, f.beds - f.occupied),
    icuBeds: f.icu_beds,
    icuUsed: f.icu_used,
    oxygenPoints: f.oxygen_points,
    oxygenUsed: f.oxygen_used,
    version: f.version,
  };
}

export function presentRoom(r: Selectable<QuarantineRoomsTable>): RoomView {
  return {
    id: r.id,
    area: r.area,
    code: r.code,
    beds: r.beds,
    occupied: r.occupied,
    cohort: r.cohort_class ? { cls: r.cohort_class, from: r.cohort_from!, to: r.cohort_to!, exposedOn: r.exposed_on } : null,
  };
}

export type StayRow = Selectable<QuarantineStaysTable>;

export function presentStay(s: StayRow, who: Pick<Identity, 'full_name' | 'birth_year'> | undefined, names: { facility?: string; room?: string }): StayView {
  return {
    id: s.id,
    personId: s.person_id,
    personName: who?.full_name ?? '',
    birthYear: who?.birth_year ?? null,
    communeCode: s.commune_code,
    setting: s.setting,
    facilityId: s.facility_id,
    facilityName: names.facility ?? null,
    roomId: s.room_id,
    roomCode: names.room ?? null,
    bed: s.bed,
    reason: s.reason,
    exposureClass: s.exposure_class,
    vaccination: s.vaccination,
    situation: s.situation,
    ruleVersion: s.rule_version,
    startedOn: s.started_on,
    admittedOn: s.admitted_on,
    lastDay: s.last_day,
    monitoringUntil: s.monitoring_until,
    testDays: s.test_days,
    testsDone: s.tests_done,
    status: s.status,
    positiveOn: s.positive_on,
    endedOn: s.ended_on,
    overrideReason: s.override_reason,
    certificateNo: s.certificate_no,
    version: s.version,
  };
}

export function presentTask(t: Selectable<QuarantineTasksTable>, personName: string, roomCode: string | null): TaskView {
  return {
    id: t.id,
    stayId: t.stay_id,
    personId: t.person_id,
    personName,
    facilityId: t.facility_id,
    roomCode,
    kind: t.kind,
    dueOn: t.due_on,
    status: t.status,
    note: t.note,
  };
}

export function presentCheck(c: Selectable<QuarantineChecksTable>, urgentTaskId: string | null = null): CheckView {
  return {
    id: c.id,
    day: c.day,
    temperature: Number(c.temperature),
    spo2: c.spo2,
    symptoms: c.symptoms,
    warningSigns: c.warning_signs,
    reportedBy: c.reported_by,
    urgentTaskId,
  };
}
