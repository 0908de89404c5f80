import type { Messages } from '@web/app/i18n/messages';
import { formatDate } from '@domain/format';
import { fill } from '@web/lib/fill';

/** '11/10/2021 – trước 27/01/2022' or 'từ 01/12/2021' (effectiveTo is exclusive). */
export function ruleWindow(m: Messages, from: string, to: string | null): string {
  return to ? fill(m.ruleSets.windowClosed, { from: formatDate(from), to: formatDate(to) }) : fill(m.ruleSets.windowOpen, { from: formatDate(from) });
}
