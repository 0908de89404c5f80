import { audit } from './audit';
import { campaigns } from './campaigns';
import { reports } from './reports';
import { cases } from './cases';
import { geography } from './geography';
import { people } from './people';
import { quarantine } from './quarantine';
import { ruleSets } from './rule-sets';
import { testing } from './testing';
import { tokens } from './tokens';
import { users } from './users';
import { zones } from './zones';

/** Every web module, one line each: the router, the menu and the UI text are built from this list. */
export const MODULES = [reports, geography, zones, people, cases, quarantine, campaigns, testing, users, tokens, ruleSets, audit] as const;
