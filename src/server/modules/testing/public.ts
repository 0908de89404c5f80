import type { TestType } from '@domain/testing';
import { AppError } from '../../platform/errors';
import { RateLimiter } from '../../platform/rate-limit';
import type { PeopleService } from '../people/service';
import * as repo from './repo/lookup';
import type { LookupView } from './views';
import type { TestingService } from './service';

/**
 * A person checks their own result: tube barcode plus the national ID or phone of someone sampled in it.
 * Shows only the result and its date (no name, no Ct). Limited per client address and per barcode, so neither
 * barcodes nor IDs can be enumerated; a miss and a wrong pair answer the same.
 */
export class ResultLookup {
  private readonly perAddress = new RateLimiter(10, 10 * 60_000);
  private readonly perBarcode = new RateLimiter(5, 10 * 60_000);

  constructor(
    private readonly svc: TestingService,
    private readonly people: PeopleService,
  ) {}

  async lookup(ip: string, q: { barcode: string; idOrPhone: string }): Promise<LookupView> {
    if (!this.perAddress.hit(ip) || !this.perBarcode.hit(q.barcode)) throw new AppError('testing.rate_limited', 429);
    const k = this.svc.db.kysely;
    const sample = await repo.tubeForLookup(k, q.barcode);
    const matched = sample ? await this.people.identityMatches(await repo.personsOfTube(k, sample.id), q.idOrPhone) : [];
    if (!sample || !matched.length) throw new AppError('testing.lookup_not_found', 404);
    this.svc.audit.read(
      { id: null, username: 'public', ip },
      { action: 'read', entity: 'sample', entityId: sample.id, detail: { publicLookup: true, persons: matched } },
    );
    const final = sample.result && sample.result !== 'invalid' ? sample.result : null;
    return {
      barcode: sample.barcode,
      testType: sample.test_type as TestType /* a test_types code */,
      pooled: sample.kind !== 'single',
      collectedOn: sample.collected_on,
      result: final,
      status: final ? 'resulted' : sample.result === 'invalid' ? 'retest' : 'pending',
      resultedAt: final && sample.reported_at ? new Date(sample.reported_at).toISOString() : null,
    };
  }
}
