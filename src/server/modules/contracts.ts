import { platformContract } from '../platform/contract';
import { authContract } from './auth/contract';
import { auditContract } from './audit/contract';
import { casesContract } from './cases/contract';
import { geographyContract } from './geography/contract';
import { peopleContract } from './people/contract';
import { ruleSetsContract } from './rule-sets/contract';
import { testingContract } from './testing/contract';
import { tokensContract } from './tokens/contract';
import { tracingContract } from './tracing/contract';
import { usersContract } from './users/contract';
import { zonesContract } from './zones/contract';
import { quarantineContract } from './quarantine/contract';
import { campaignsContract } from './campaigns/contract';
import { reportsContract } from './reports/contract';

/**
 * Every module's contract (its permissions and error codes), the pure half of its manifest that the web shares.
 * Merged by src/domain/access.ts (Permission, PERMISSION_INFO) and src/domain/error-catalog.ts (ErrorCode,
 * ERROR_CATALOG). The order is the order of docs/ACCESS.md's permission table. The server's module list
 * (./index.ts) must name the same modules: the app refuses to start otherwise.
 */
export const CONTRACTS = [
  platformContract,
  authContract,
  peopleContract,
  casesContract,
  tracingContract,
  geographyContract,
  usersContract,
  tokensContract,
  ruleSetsContract,
  auditContract,
  testingContract,
  zonesContract,
  quarantineContract,
  campaignsContract,
  reportsContract,
] as const;
