import { vnDay } from '@domain/dates';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import type { QuarantineContext } from './context';
import { certificatesDocx, certificatesPdf, type CertificateData } from './certificate';
import type { StayRow } from './present';
import * as repo from './repo';
import type { CertificateCheck } from './schemas';

/** The path of the public page a certificate's QR code opens; it asks the server whether the certificate is genuine. */
export const verifyPath = (token: string) => `/xac-minh-giay/${token}`;

/**
 * Release certificates: one person's, or every person released from a room on a day (a cohort), as .docx or PDF, each
 * with a QR code of its verification address; and the public check behind that address (no login: what it says is on
 * the paper already, and a 128-bit code cannot be guessed).
 */
export class CertificatesService {
  constructor(private readonly ctx: QuarantineContext) {}

  async ofStay(actor: Actor, id: string, format: 'docx' | 'pdf', origin: string): Promise<{ file: Buffer; name: string }> {
    const s = await this.ctx.stayFor(actor, id);
    if (s.status !== 'released' || !s.certificate_token) throw new AppError('quarantine.not_released', 409);
    return this.render(actor, [s], format, origin, s.certificate_no!);
  }

  async ofRoom(actor: Actor, roomId: string, day: string, format: 'docx' | 'pdf', origin: string): Promise<{ file: Buffer; name: string }> {
    const room = await repo.roomById(this.ctx.db, roomId);
    if (!room) throw new AppError('quarantine.room_not_found', 404);
    await this.ctx.facilityFor(actor, room.facility_id);
    const stays = (await repo.releasedOfRoom(this.ctx.db, roomId, day)).filter((s) => s.ended_on === day);
    if (!stays.length) throw new AppError('quarantine.not_released', 409);
    return this.render(actor, stays, format, origin, `phong-${room.code}-${day}`);
  }

  private async render(actor: Actor, stays: StayRow[], format: 'docx' | 'pdf', origin: string, name: string) {
    const data = await this.data(stays, origin);
    this.ctx.audit.read(actor, { action: 'read', entity: 'quarantine_certificate', detail: { stays: stays.map((s) => s.id), format } });
    return { file: format === 'docx' ? await certificatesDocx(data) : await certificatesPdf(data), name: `giay-hoan-thanh-cach-ly-${name}.${format}` };
  }

  private async data(stays: StayRow[], origin: string): Promise<CertificateData[]> {
    const { ctx } = this;
    const who = new Map((await ctx.src.identitiesOf(stays.map((s) => s.person_id))).map((p) => [p.id, p]));
    const out: CertificateData[] = [];
    for (const s of stays) {
      const p = who.get(s.person_id)!;
      // a home stay is certified by the health station of the person's commune
      const f = s.facility_id ? (await repo.facilityById(ctx.db, s.facility_id))! : null;
      const { quarantine } = await ctx.rulesOn(s.started_on);
      const [signerTitle, signer] = (s.signer ?? '|').split('|');
      const commune = ctx.units.get(p.commune_code);
      const district = ctx.units.get(p.district_code);
      const province = ctx.units.get(f?.province_code ?? s.province_code);
      out.push({
        certificateNo: s.certificate_no!,
        provinceName: province?.name ?? '',
        managingAgency: f?.managing_agency ?? `Ủy ban nhân dân ${commune?.name ?? ''}`,
        facilityName: f?.name ?? `Trạm Y tế ${commune?.name ?? ''}`,
        placeName: (province?.name ?? '').replace(/^(Thành phố|Tỉnh)\s+/, ''),
        personName: p.full_name,
        birthYear: p.birth_year,
        nationalId: p.national_id,
        address: [p.address, commune?.name, district?.name, ctx.units.get(p.province_code)?.name].filter(Boolean).join(', '),
        situationName: quarantine.situations.find((x) => x.code === s.situation)?.nameVi ?? s.situation,
        startedOn: s.started_on,
        lastDay: s.last_day,
        releasedOn: s.ended_on!,
        monitoringUntil: s.monitoring_until,
        tests: s.tests_done.map((day) => ({ day, result: 'Âm tính' })),
        signer,
        signerTitle,
        verifyUrl: `${origin}${verifyPath(s.certificate_token!)}`,
      });
    }
    return out;
  }

  /** The public check of a certificate's QR code: who, where, when; the name is shown as on the paper. */
  async verify(token: string, ip: string): Promise<CertificateCheck> {
    const s = await repo.stayByToken(this.ctx.db, token);
    if (!s || s.status !== 'released') throw new AppError('quarantine.certificate_unknown', 404);
    const [p] = await this.ctx.src.identitiesOf([s.person_id]);
    const f = s.facility_id ? await repo.facilityById(this.ctx.db, s.facility_id) : undefined;
    this.ctx.audit.read(
      { id: null, username: 'public', ip },
      { action: 'read', entity: 'quarantine_certificate', entityId: s.id, detail: { publicCheck: true, on: vnDay(this.ctx.now()) } },
    );
    return {
      valid: true,
      certificateNo: s.certificate_no!,
      personName: p?.full_name ?? '',
      facilityName: f?.name ?? '',
      startedOn: s.started_on,
      releasedOn: s.ended_on!,
      signer: (s.signer ?? '|').split('|')[1],
    };
  }
}
