import type { Actor } from '../../platform/actor';
import * as board from './repo/board';
import * as daily from './repo/campaigns';
import type { TestingService } from './service';

/** What the reports module reads of testing: the daily rollup per commune, and each lab's backlog in the actor's scope. */
export class TestingForReports {
  constructor(private readonly svc: TestingService) {}

  /** The daily rollup of these communes over [from, to], by day and commune. */
  daily(communes: string[], from: string, to: string) {
    return daily.dailyOf(this.svc.db.kysely, communes, from, to);
  }

  /** Tubes at each lab without a final result (from the counters), the oldest one's collection, and the rule's overdue age. */
  async labBacklog(actor: Actor, day: string) {
    const k = this.svc.db.kysely;
    const [rows, labs, rules] = await Promise.all([board.backlogByLab(k, actor), board.labNames(k), this.svc.testingRules(day)]);
    const name = new Map(labs.map((l) => [l.id, l.name]));
    return {
      overdueAfterHours: rules.payload.overdueAfterHours,
      labs: rows
        .filter((r) => r.lab_id)
        .map((r) => ({
          labId: r.lab_id!,
          name: name.get(r.lab_id!) ?? r.lab_id!,
          waiting: r.in_transit + r.received,
          oldest: r.oldest ? new Date(r.oldest) : null,
        })),
    };
  }
}
