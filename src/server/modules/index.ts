import type { ServerModule } from '../platform/module';
import { authModule } from './auth';
import { geographyModule } from './geography';
import { peopleModule } from './people';
import { usersModule } from './users';
import { tokensModule } from './tokens';
import { ruleSetsModule } from './rule-sets';
import { auditModule } from './audit';
import { casesModule } from './cases';
import { tracingModule } from './tracing';
import { testingModule } from './testing';
import { zonesModule } from './zones';
import { quarantineModule } from './quarantine';
import { campaignsModule } from './campaigns';
import { reportsModule } from './reports';

/**
 * The server's modules, one line each, in the order their routes are registered (and listed in OpenAPI and
 * docs/ACCESS.md). Each module's contract is also listed in ./contracts.ts (the web shares it); the app refuses to
 * start when the two lists differ. Adding a module: docs/ARCHITECTURE.md.
 */
const LIST = [
  authModule,
  geographyModule,
  peopleModule,
  usersModule,
  tokensModule,
  ruleSetsModule,
  auditModule,
  casesModule,
  tracingModule,
  testingModule,
  zonesModule,
  quarantineModule,
  campaignsModule,
  reportsModule,
] as const;
export const MODULES: readonly ServerModule[] = LIST;

/** Every route of the app as one union of exact route types: the web's client (src/web/lib/api.ts) is typed from it. */
export type AppRoute = ReturnType<(typeof LIST)[number]['routes']>[number];
