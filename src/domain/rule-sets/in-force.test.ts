import { describe, it, expect } from 'vitest';
import { ruleInForce, type RuleSetVersionRef } from './in-force';

const v = (version: number, effectiveFrom: string, effectiveTo: string | null, status: RuleSetVersionRef['status'] = 'active'): RuleSetVersionRef => ({
  version,
  status,
  effectiveFrom,
  effectiveTo,
});

describe('ruleInForce', () => {
  it('ignores drafts and retired versions', () => {
    const versions = [v(1, '2021-07-01', null), v(2, '2021-08-01', null, 'draft'), v(3, '2021-08-01', null, 'retired')];
    expect(ruleInForce(versions, '2021-09-01')?.version).toBe(1);
  });

  it('treats effectiveFrom as inclusive and effectiveTo as exclusive', () => {
    const versions = [v(1, '2021-05-05', '2021-07-14'), v(2, '2021-07-14', null)];
    expect(ruleInForce(versions, '2021-05-05')?.version).toBe(1);
    expect(ruleInForce(versions, '2021-07-13')?.version).toBe(1);
    expect(ruleInForce(versions, '2021-07-14')?.version).toBe(2);
  });

  it('picks the highest version when several overlap', () => {
    const versions = [v(2, '2021-07-14', null), v(3, '2021-08-16', '2021-10-01'), v(1, '2021-07-01', null)];
    expect(ruleInForce(versions, '2021-09-07')?.version).toBe(3);
    expect(ruleInForce(versions, '2021-10-01')?.version).toBe(2);
  });

  it('returns null when nothing is in force', () => {
    const versions = [v(1, '2021-05-31', '2021-10-11'), v(2, '2021-12-01', null, 'draft')];
    expect(ruleInForce(versions, '2021-05-30')).toBeNull();
    expect(ruleInForce(versions, '2021-10-11')).toBeNull();
    expect(ruleInForce(versions, '2022-01-01')).toBeNull();
    expect(ruleInForce([], '2021-09-07')).toBeNull();
  });
});
