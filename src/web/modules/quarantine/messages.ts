import type { Widen } from '@web/app/i18n/catalog';
import * as board from './messages/board';
import * as facility from './messages/facility';
import * as home from './messages/home';
import * as shared from './messages/shared';
import * as stays from './messages/stays';

/** Vietnamese text of quarantine and treatment (board, facilities, stays, home care): the first language. {name} marks a value filled in. */
export const vi = {
  menu: {
    quarantine: 'Cách ly, điều trị',
    homeCare: 'Theo dõi tại nhà',
  },
  ...shared.vi,
  ...board.vi,
  ...facility.vi,
  ...stays.vi,
  ...home.vi,
};

/** English text: every key of `vi`. */
export const en: Widen<typeof vi> = {
  menu: {
    quarantine: 'Quarantine, treatment',
    homeCare: 'Home care',
  },
  ...shared.en,
  ...board.en,
  ...facility.en,
  ...stays.en,
  ...home.en,
};
