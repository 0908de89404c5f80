import { uuidv7 } from '@domain/uuid';
import { vnDay } from '@domain/dates';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { placeInScope } from '../../platform/scope';
import * as repo from './repo/intake';
import { receivedRollup, samplesById } from './repo/rollup';
import type { LabInput, ShipmentInput } from './schemas';
import type { LabPoolView, LabView, ReceivedView, ShipmentView } from './views';
import type { TestingService } from './service';
import * as present from './present';

/** Labs, shipments from the sampling teams to a lab, the lab's intake of their tubes, and pools made at the lab. */
export class LabIntake {
  constructor(private readonly svc: TestingService) {}

  private get k() {
    return this.svc.db.kysely;
  }

  async labs(actor: Actor): Promise<LabView[]> {
    return (await repo.labsIn(this.k, this.svc.provincesOf(actor))).map(present.lab);
  }

  async saveLab(actor: Actor, input: LabInput, id?: string): Promise<LabView> {
    const provinces = this.svc.provincesOf(actor);
    const values = {
      name: input.name,
      address: input.address,
      daily_capacity: JSON.stringify(input.dailyCapacity),
      opens_at: input.opensAt,
      closes_at: input.closesAt,
      active: input.active,
    };
    return this.k.transaction().execute(async (trx) => {
      const clash = await repo.labNamed(trx, input.name, provinces[0]);
      if (clash && clash.id !== id) throw new AppError('testing.lab_name_taken', 409, { name: input.name }, 'name');
      const row = id ? await repo.updateLab(trx, id, provinces, values) : await repo.insertLab(trx, { id: uuidv7(), province_code: provinces[0], ...values });
      if (!row) throw new AppError('testing.lab_not_found', 404);
      await this.svc.audit.record(trx, actor, { action: id ? 'update' : 'create', entity: 'lab', entityId: row.id, fields: Object.keys(input) });
      return present.lab(row);
    });
  }

  async ship(actor: Actor, input: ShipmentInput): Promise<ShipmentView> {
    const team = await repo.teamById(this.k, input.teamId);
    if (!team || !placeInScope(actor.scope, team)) throw new AppError('testing.team_not_found', 404, {}, 'teamId');
    const lab = await repo.labOfProvince(this.k, input.labId, team.province_code);
    if (!lab) throw new AppError('testing.lab_not_found', 404, {}, 'labId');
    const barcodes = [...new Set(input.barcodes)];
    return this.k.transaction().execute(async (trx) => {
      const samples = await repo.tubesToShip(trx, barcodes, team.province_code);
      const found = new Map(samples.map((s) => [s.barcode, s]));
      for (const [i, b] of input.barcodes.entries()) {
        const s = found.get(b);
        if (!s || s.team_id !== team.id || s.test_type === 'rapid_antigen')
          throw new AppError('testing.sample_not_found', 404, { barcode: b }, `barcodes.${i}`);
        if (s.shipment_id) throw new AppError('testing.sample_already_shipped', 409, { barcode: b }, `barcodes.${i}`);
      }
      const id = uuidv7();
      const now = this.svc.now();
      const row = await repo.insertShipment(trx, {
        id,
        province_code: team.province_code,
        district_code: team.district_code,
        commune_code: team.commune_code,
        code: `VC-${vnDay(now).replaceAll('-', '')}-${id.slice(-6).toUpperCase()}`,
        team_id: team.id,
        lab_id: lab.id,
        sent_at: input.sentAt ? new Date(input.sentAt) : now,
        created_by: actor.id,
      });
      await repo.updateSamples(
        trx,
        samples.map((s) => s.id),
        { shipment_id: id, lab_id: lab.id },
      );
      await this.svc.audit.record(trx, actor, {
        action: 'create',
        entity: 'shipment',
        entityId: id,
        fields: ['barcodes'],
        detail: { barcodes, labId: lab.id },
      });
      return present.shipment(row, lab.name, team.name, barcodes.length);
    });
  }

  async shipments(actor: Actor, q: { labId?: string; pending?: boolean }): Promise<ShipmentView[]> {
    const rows = await repo.shipmentsOf(this.k, actor, q);
    this.svc.audit.read(actor, { action: 'search', entity: 'shipment', detail: { ...q, returned: rows.map((r) => r.id) } });
    return rows.map((r) => present.shipment(r, r.lab_name, r.team_name, Number(r.tubes ?? 0)));
  }

  /**
   * The lab receives a shipment by scanning its tubes: scanned tubes of the shipment are received, tubes of the
   * shipment not scanned are reported missing, scanned tubes not in it are reported extra (and not received).
   */
  async receive(actor: Actor, shipmentId: string, input: { barcodes: string[]; receivedAt?: string }): Promise<ReceivedView> {
    const sh = await repo.shipmentById(this.k, shipmentId);
    if (!sh || !placeInScope(actor.scope, sh)) throw new AppError('testing.shipment_not_found', 404);
    if (sh.received_at) throw new AppError('testing.shipment_received', 409);
    const at = input.receivedAt ? new Date(input.receivedAt) : this.svc.now();
    const scanned = new Set(input.barcodes);
    return this.k.transaction().execute(async (trx) => {
      const tubes = await repo.tubesOfShipment(trx, shipmentId);
      const inShipment = new Set(tubes.map((t) => t.barcode));
      const received = tubes.filter((t) => scanned.has(t.barcode));
      const missing = tubes
        .filter((t) => !scanned.has(t.barcode))
        .map((t) => t.barcode)
        .sort();
      const extra = [...scanned].filter((b) => !inShipment.has(b)).sort();
      if (received.length) {
        await repo.updateSamples(
          trx,
          received.map((t) => t.id),
          { received_at: at },
        );
        await receivedRollup(samplesById(received.map((t) => t.id))).execute(trx);
      }
      await repo.markShipmentReceived(trx, shipmentId, at, actor.id);
      await this.svc.audit.record(trx, actor, {
        action: 'update',
        entity: 'shipment',
        entityId: shipmentId,
        fields: ['received_at'],
        detail: { received: received.length, missing, extra },
      });
      return { shipmentId, code: sh.code, received: received.length, missing, extra };
    });
  }

  /** A lab pools stored individual tubes it received; a negative pool clears them, a positive one asks for their retest. */
  async makeLabPool(actor: Actor, input: { labId: string; barcode: string; memberBarcodes: string[] }): Promise<LabPoolView> {
    const rules = await this.svc.mergeRules(vnDay(this.svc.now()));
    return this.k.transaction().execute(async (trx) => {
      const tubes = await repo.tubesInScope(trx, actor, input.memberBarcodes);
      const byCode = new Map(tubes.map((t) => [t.barcode, t]));
      for (const [i, b] of input.memberBarcodes.entries()) {
        const t = byCode.get(b);
        if (!t || t.kind !== 'single' || t.test_type === 'rapid_antigen')
          throw new AppError('testing.sample_not_found', 404, { barcode: b }, `memberBarcodes.${i}`);
        if (t.lab_id !== input.labId || !t.received_at) throw new AppError('testing.sample_not_received', 409, { barcode: b }, `memberBarcodes.${i}`);
        if (t.pooled_into || t.result) throw new AppError('testing.barcode_taken', 409, { barcode: b }, `memberBarcodes.${i}`);
      }
      if (tubes.length > rules.testing.maxPoolSize)
        throw new AppError('testing.pool_too_large', 400, { max: rules.testing.maxPoolSize, members: tubes.length }, 'memberBarcodes');
      if (await repo.sampleIdByBarcode(trx, input.barcode)) throw new AppError('testing.barcode_taken', 409, { barcode: input.barcode }, 'barcode');
      const first = tubes[0];
      const id = uuidv7();
      const tubeIds = tubes.map((t) => t.id);
      await repo.insertSample(trx, {
        id,
        province_code: first.province_code,
        district_code: first.district_code,
        commune_code: first.commune_code,
        barcode: input.barcode,
        test_type: 'rt_pcr_pooled',
        kind: 'lab_pool',
        session_id: null,
        team_id: null,
        household_id: null,
        members_count: tubes.length,
        collected_at: new Date(Math.min(...tubes.map((t) => new Date(t.collected_at).getTime()))),
        collected_on: tubes.map((t) => t.collected_on).sort()[0],
        lab_id: input.labId,
        received_at: this.svc.now(),
        created_by: actor.id,
      });
      await repo.copyMembers(trx, tubeIds, id);
      await repo.updateSamples(trx, tubeIds, { pooled_into: id });
      await this.svc.audit.record(trx, actor, {
        action: 'create',
        entity: 'sample',
        entityId: id,
        fields: ['memberBarcodes'],
        detail: { labPool: input.barcode, tubes: input.memberBarcodes },
      });
      return { id, barcode: input.barcode, tubes: tubes.length };
    });
  }
}
