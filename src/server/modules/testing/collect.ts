import type { Transaction } from 'kysely';
import { uuidv7 } from '@domain/uuid';
import { vnDay } from '@domain/dates';
import { splitPool } from '@domain/testing';
import { poolSizeFor } from './pool-size';
import type { Database } from '../../db/tables';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { placeInScope } from '../../platform/scope';
import * as repo from './repo/sampling';
import * as present from './present';
import type { MergeReport } from './results';
import type { CollectInput } from './schemas';
import type { CollectedView } from './views';
import type { TestingService } from './service';

/**
 * Collects one sample (one tube, or the tubes of a household split by the max pool size in force), adding
 * persons not yet registered to the household on the spot. A rapid antigen result read on the spot is merged
 * like any other result, in the same transaction, with its consequences.
 */
export async function collectSample(svc: TestingService, actor: Actor, sessionId: string, input: CollectInput): Promise<CollectedView> {
  const session = await repo.sessionById(svc.db.kysely, sessionId);
  if (!session || !placeInScope(actor.scope, session)) throw new AppError('testing.session_not_found', 404);
  const collectedAt = input.collectedAt ? new Date(input.collectedAt) : svc.now();
  if (collectedAt.getTime() > svc.now().getTime() + 5 * 60_000) throw new AppError('testing.collected_in_future', 400, {}, 'collectedAt');
  checkCollectShape(input);
  const day = vnDay(collectedAt);
  const rules = await svc.mergeRules(vnDay(svc.now()));
  const maxPool = input.kind === 'household_pool' ? (await poolSizeFor(svc.db.kysely, session.commune_code, day, rules.testing)).k : rules.testing.maxPoolSize;
  return svc.db.kysely.transaction().execute(async (trx) => {
    const taken = await repo.barcodesTaken(trx, input.barcodes, session.province_code);
    if (taken.length) {
      const i = input.barcodes.indexOf(taken[0].barcode);
      throw new AppError('testing.barcode_taken', 409, { barcode: taken[0].barcode }, `barcodes.${i}`);
    }
    const persons = await resolveMembers(svc, trx, actor, input);
    const groups = input.kind === 'household_pool' ? splitPool(persons, maxPool) : [persons];
    if (groups.length !== input.barcodes.length) {
      throw new AppError(
        'testing.barcodes_needed',
        400,
        { members: persons.length, max: maxPool, tubes: groups.length, given: input.barcodes.length },
        'barcodes',
        undefined,
        { tubes: groups.map((g) => g.map((p) => p.id)) },
      );
    }
    if (input.taskId) await checkTask(trx, input.taskId, persons[0].id);
    const ids: string[] = [];
    for (const [i, group] of groups.entries()) {
      const id = uuidv7();
      ids.push(id);
      await repo.insertSample(
        trx,
        {
          id,
          province_code: session.province_code,
          district_code: session.district_code,
          commune_code: session.commune_code,
          barcode: input.barcodes[i],
          test_type: input.testType,
          kind: input.kind,
          session_id: session.id,
          team_id: session.team_id,
          household_id: input.householdId ?? null,
          members_count: group.length,
          collected_at: collectedAt,
          collected_on: day,
          symptomatic: input.symptomatic,
          task_id: input.taskId ?? null,
          created_by: actor.id,
          // a rapid antigen test is read where it is taken: there is nothing to ship
          received_at: input.testType === 'rapid_antigen' ? collectedAt : null,
        },
        group.map((p) => ({ sample_id: id, province_code: p.province_code, person_id: p.id, district_code: p.district_code, commune_code: p.commune_code })),
      );
    }
    await repo.rollUpCollected(trx, ids);
    // a collection (not a task's re-collection) counts for the rounds of the campaigns on its commune
    if (!input.taskId) {
      const c = {
        sessionId: session.id,
        communeCode: session.commune_code,
        householdId: input.householdId ?? null,
        personIds: persons.map((p) => p.id),
        collectedOn: day,
      };
      for (const l of svc.samplingListeners) await l.collectedInTx(trx, c);
    }
    let merged: MergeReport | null = null;
    if (input.result) {
      merged = await svc.stageAndMerge(
        trx,
        actor,
        { provinceCode: session.province_code, labId: null, source: 'on_site', rules, fileName: `tại chỗ ${input.barcodes[0]}` },
        [{ barcode: input.barcodes[0], result: input.result, ct_value: null, resulted_at: collectedAt }],
      );
    }
    await svc.audit.record(trx, actor, {
      action: 'create',
      entity: 'sample',
      entityId: ids[0],
      fields: Object.keys(input),
      detail: { barcodes: input.barcodes, persons: persons.map((p) => p.id), result: input.result ?? null },
    });
    const rows = await repo.samplesByIds(trx, ids);
    return { samples: rows.map((r) => present.sampleBrief(r)), casesOpened: merged?.casesOpened ?? [], tasksCreated: merged?.tasksCreated ?? 0 };
  });
}

async function resolveMembers(svc: TestingService, trx: Transaction<Database>, actor: Actor, input: CollectInput) {
  const ids: string[] = [];
  for (const [i, m] of input.members.entries()) {
    if ('personId' in m) {
      ids.push(m.personId);
      continue;
    }
    const np = { ...m.newPerson, householdId: input.householdId ?? m.newPerson.householdId ?? null };
    const { person } = await svc.people.matchOrCreateInTx(trx, actor, np, `members.${i}.newPerson.`);
    ids.push(person.id);
  }
  if (new Set(ids).size !== ids.length) throw new AppError('testing.member_repeated', 400, {}, `members.${ids.findIndex((id, i) => ids.indexOf(id) !== i)}`);
  const rows = await svc.people.personsInTx(trx, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id, i) => {
    const p = byId.get(id);
    if (!p || p.merged_into || !placeInScope(actor.scope, p)) throw new AppError('people.person_not_found', 404, {}, `members.${i}.personId`);
    if (input.kind === 'household_pool' && p.household_id !== input.householdId) throw new AppError('testing.member_not_in_household', 400, {}, `members.${i}`);
    return p;
  });
}

async function checkTask(trx: Transaction<Database>, taskId: string, personId: string) {
  const task = await repo.openTask(trx, taskId);
  if (!task || task.person_id !== personId) throw new AppError('testing.task_not_found', 404, {}, 'taskId');
  // one tube per task: another only when the first was invalid
  const taken = await repo.tubeOfTask(trx, taskId);
  if (taken) throw new AppError('testing.task_collected', 409, { barcode: taken.barcode }, 'taskId');
}

function checkCollectShape(input: CollectInput): void {
  const pooledType = input.testType === 'rt_pcr_pooled';
  if (input.kind === 'household_pool' && !pooledType) throw new AppError('validation.invalid', 400, {}, 'testType');
  if (input.kind === 'single' && pooledType) throw new AppError('validation.invalid', 400, {}, 'testType');
  if (input.kind === 'household_pool' && !input.householdId) throw new AppError('validation.required', 400, { field: 'householdId' }, 'householdId');
  if (input.kind === 'single' && input.members.length !== 1) throw new AppError('testing.single_one_person', 400, {}, 'members');
  if (input.kind === 'single' && input.barcodes.length !== 1) throw new AppError('testing.single_one_person', 400, {}, 'barcodes');
  const repeated = input.barcodes.findIndex((b, i) => input.barcodes.indexOf(b) !== i);
  if (repeated >= 0) throw new AppError('testing.barcode_repeated', 400, { barcode: input.barcodes[repeated] }, `barcodes.${repeated}`);
  if (input.result && input.testType !== 'rapid_antigen') throw new AppError('testing.on_site_antigen_only', 400, {}, 'result');
  if (!input.result && input.testType === 'rapid_antigen') throw new AppError('testing.antigen_needs_result', 400, {}, 'result');
}
