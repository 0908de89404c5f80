// npm run bench -- campaigns: the household pool size the product chooses (Dorfman's optimum at the prevalence it
// estimates from a commune's last week of pools) against the optimum at the true prevalence and against fixed pools of
// 10, at p = 0.5 %, 2 %, 5 %, 10 %. The estimate is made from simulated pooled results (persons infected at the true
// prevalence, pools of the city's mean household size, tests of the rule set's sensitivity and specificity), so its
// error is part of the figure. The planner's figures (campaigns.plan.*) come with the planner.
import seed from '../data/rule-sets-2021.json';
import { dorfmanTestsPerPerson, optimalPoolSize, prevalenceFromPools } from '../src/domain/pooling';
import { Rng } from '../src/server/seed/rng';
import { emit, log } from './lib';

interface Pooling {
  sensitivity: number;
  specificity: number;
  prevalenceFloor: number;
}

/** One commune's week of household pools at true prevalence `p`: the counts the rollup would hold. */
function simulateWeek(rng: Rng, p: number, acc: Pooling, households: number) {
  let positive = 0;
  let persons = 0;
  for (let h = 0; h < households; h++) {
    // households of 3 or 4 (mean 3.4, as in Cần Thơ's 2019 census: 1,235,171 persons in 359,375 households)
    const size = rng.next() < 0.4 ? 4 : 3;
    persons += size;
    let infected = false;
    for (let i = 0; i < size; i++) if (rng.next() < p) infected = true;
    if (infected ? rng.next() < acc.sensitivity : rng.next() >= acc.specificity) positive++;
  }
  return { positive, negative: households - positive, persons, samples: households };
}

export async function run(args: string[]): Promise<void> {
  const testing = seed.find((r) => r.kind === 'testing')!.payload as { maxPoolSize: number; pooling: Pooling };
  const acc = testing.pooling;
  const households = Number(args.find((a) => a.startsWith('--households='))?.split('=')[1] ?? 2_000);
  const trials = 200;
  const rng = new Rng(2021);
  for (const p of [0.005, 0.02, 0.05, 0.1]) {
    const optimum = optimalPoolSize(p, acc, testing.maxPoolSize);
    const fixed10 = dorfmanTestsPerPerson(10, p, acc);
    let chosen = 0;
    const ks: number[] = [];
    for (let t = 0; t < trials; t++) {
      const estimate = prevalenceFromPools(simulateWeek(rng, p, acc, households), acc.prevalenceFloor);
      const k = optimalPoolSize(estimate, acc, testing.maxPoolSize).k;
      ks.push(k);
      chosen += dorfmanTestsPerPerson(k, p, acc) / trials;
    }
    log(`p=${p}: optimum k=${optimum.k} (${optimum.testsPerPerson.toFixed(4)} tests/person), chosen k ${Math.min(...ks)}–${Math.max(...ks)}`);
    const common = { unit: 'ratio', p, households_per_week: households, trials, chosen_tests_per_person: chosen };
    emit({
      name: 'campaigns.pool.vs_dorfman',
      value: chosen / optimum.testsPerPerson,
      baseline: optimum.testsPerPerson,
      ratio: chosen / optimum.testsPerPerson,
      optimum_k: optimum.k,
      ...common,
    });
    emit({ name: 'campaigns.pool.vs_fixed10', value: chosen / fixed10, baseline: fixed10, ratio: chosen / fixed10, ...common });
  }
}
