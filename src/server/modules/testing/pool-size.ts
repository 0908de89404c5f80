import type { Kysely } from 'kysely';
import { addDays, vnDay } from '@domain/dates';
import { splitPool } from '@domain/testing';
import type { Actor } from '../../platform/actor';
import type { TestingService } from './service';
import type { PoolPlanView } from './views';
import { optimalPoolSize, prevalenceFromPools } from '@domain/pooling';
import type { Database } from '../../db/tables';
import { communeResults } from './repo/rollup';
import type { TestingRules } from './results';

/**
 * The household pool size for a commune on a day: Dorfman's optimum at the commune's prevalence (its pooled results
 * of the rule's window, with the floor), never above the max pool size in force.
 */
export async function poolSizeFor(
  db: Kysely<Database>,
  communeCode: string,
  day: string,
  rules: TestingRules,
): Promise<{ k: number; prevalence: number; testsPerPerson: number }> {
  const { pooling } = rules;
  const results = await communeResults(db, communeCode, addDays(day, 1 - pooling.prevalenceWindowDays), day);
  const prevalence = prevalenceFromPools(results, pooling.prevalenceFloor);
  const best = optimalPoolSize(prevalence, pooling, rules.maxPoolSize);
  return { k: best.k, prevalence, testsPerPerson: best.testsPerPerson };
}

/** How a household would be split into tubes today: the pool size of its commune, at most the max in force. */
export async function poolPlanOf(svc: TestingService, actor: Actor, householdId: string): Promise<PoolPlanView> {
  const household = await svc.people.getHousehold(actor, householdId);
  const day = vnDay(svc.now());
  const rules = await svc.testingRules(day);
  const pool = await poolSizeFor(svc.db.kysely, household.communeCode, day, rules.payload);
  const members = household.members.map((m) => ({ personId: m.id, fullName: m.fullName, birthYear: m.birthYear }));
  return {
    householdId,
    address: household.address,
    maxPoolSize: rules.payload.maxPoolSize,
    poolSize: pool.k,
    prevalence: pool.prevalence,
    ruleVersion: rules.version,
    tubes: splitPool(members, pool.k),
  };
}
