import { vnDay } from '@domain/dates';
import type { Config } from './config';
import type { Db } from './db/connect';
import { AuditLog } from './platform/audit';
import { AuthService } from './modules/auth/service';
import { UnitDirectory } from './modules/geography/directory';
import { GeographyService } from './modules/geography/service';
import { PeopleService } from './modules/people/service';
import { HouseholdResidents } from './modules/people/residents';
import { RuleSetsService } from './modules/rule-sets/service';
import { UsersService } from './modules/users/service';
import { TokensService } from './modules/tokens/service';
import { CasesService } from './modules/cases/service';
import { InvestigationService } from './modules/cases/investigation';
import { ClustersService } from './modules/tracing/clusters';
import { TracingService, type CaseReader } from './modules/tracing/service';
import { TestingService, type TestingOptions } from './modules/testing/service';
import { UserAccounts } from './modules/users/accounts';
import { LabIntake } from './modules/testing/intake';
import { ResultLookup } from './modules/testing/public';
import { FhirResults } from './modules/testing/fhir/service';
import { ZonesService } from './modules/zones/service';
import { LockdownService } from './modules/zones/lockdown/service';
import { BoundariesService } from './modules/zones/boundaries/service';
import { QuarantineContext } from './modules/quarantine/context';
import { FacilitiesService } from './modules/quarantine/facilities';
import { StaysService } from './modules/quarantine/stays';
import { QuarantineResults } from './modules/quarantine/results';
import { HomeCareService } from './modules/quarantine/care';
import { CertificatesService } from './modules/quarantine/certificates';
import { CampaignsContext } from './modules/campaigns/context';
import { CampaignsService } from './modules/campaigns/campaigns';
import { PlansService } from './modules/campaigns/plans';
import { CampaignCoverage } from './modules/campaigns/coverage';
import { DashboardService } from './modules/reports/service';
import { TestingForReports } from './modules/testing/reports-api';
import { TestingForCampaigns } from './modules/testing/campaign-api';

/** The composition root: each module's service, given only what it needs. */
export async function createServices(db: Db, config: Config, opts: { testing?: TestingOptions } = {}) {
  const audit = new AuditLog(db.kysely);
  const units = new UnitDirectory(db.kysely);
  await units.reload();
  const geography = new GeographyService(db.kysely, units, audit);
  const people = new PeopleService(db.kysely, units, audit);
  const residents = new HouseholdResidents(db.kysely, units, audit);
  const auth = new AuthService(db.kysely, units, audit, new UserAccounts(db.kysely), {
    sessionTtlHours: config.SESSION_TTL_HOURS,
    maxFailures: config.LOGIN_MAX_FAILURES,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
    maxDelayMs: config.LOGIN_MAX_DELAY_MS,
    ratePerMinute: config.LOGIN_RATE_PER_MINUTE,
  });
  const users = new UsersService(db.kysely, units, audit, auth);
  const tokens = new TokensService(db.kysely, units, audit, users);
  const ruleSets = new RuleSetsService(db.kysely, audit);
  // tracing reads cases through CasesService, and cases reclassifies through tracing: the reader is bound lazily
  const caseReader: CaseReader = {
    caseInScope: (...a) => cases.caseInScope(...a),
    activeCasesOfInTx: (...a) => cases.activeCasesOfInTx(...a),
    activeCasesOf: (...a) => cases.activeCasesOf(...a),
    casesByIds: (...a) => cases.casesByIds(...a),
  };
  const tracing: TracingService = new TracingService(db.kysely, units, audit, people, ruleSets, users, caseReader);
  // cases asks zones whether a person is inside an active lockdown zone, and zones reads cases: bound lazily
  const cases: CasesService = new CasesService(db.kysely, units, audit, people, tracing, {
    activeZoneOfPerson: async (trx, personId) => {
      const household = await residents.householdOf(personId, trx);
      return household ? lockdown.activeZoneOfHousehold(household, trx) : null;
    },
    openStayOfPerson: (trx, personId) => quarantine.stays.openStayOfPerson(trx, personId),
  });
  const investigations = new InvestigationService(db.kysely, audit, ruleSets, units);
  const clusters = new ClustersService(db.kysely, units, audit, caseReader, people);
  const testing = new TestingService(db, units, audit, people, cases, ruleSets, opts.testing);
  const labIntake = new LabIntake(testing);
  const resultLookup = new ResultLookup(testing, people);
  const fhir = new FhirResults(db.kysely, people, units, audit);
  const zones = new ZonesService(db.kysely, units, audit, ruleSets, {
    casesForAssessment: (...a) => cases.casesForAssessment(...a),
    lastCommunityCasesBefore: (...a) => cases.lastCommunityCasesBefore(...a),
    infectionSourcesOf: (...a) => tracing.infectionSourcesOf(...a),
    populationsOn: (...a) => geography.populationsOn(...a),
    ruleSets: (kind) => ruleSets.list(kind),
    treatmentCapacityMet: async (province, day) =>
      day === vnDay(opts.testing?.now?.() ?? new Date()) ? ((await quarantine.facilities.treatmentCapacity(province, day))?.met ?? null) : null,
  });
  const boundaries = new BoundariesService(db.kysely, units, audit);
  const lockdown: LockdownService = new LockdownService(db.kysely, units, audit, ruleSets, {
    householdsByIds: (...a) => residents.householdsByIds(...a),
    householdIdsIn: (...a) => residents.householdIdsIn(...a),
    residentIdsOf: (...a) => residents.residentIdsOf(...a),
    residentsOf: (...a) => residents.residentsOf(...a),
    samplesOfPersons: (...a) => testing.samplesOfPersons(...a),
    activeCasesOf: (...a) => cases.activeCasesOf(...a),
    casesByIds: (...a) => cases.casesByIds(...a),
  });
  const quarantineCtx = new QuarantineContext(
    db.kysely,
    units,
    audit,
    ruleSets,
    {
      identitiesOf: (...a) => people.identitiesOf(...a),
      planOf: (...a) => tracing.planOf(...a),
      adoptPlanInTx: (...a) => tracing.adoptPlanInTx(...a),
    },
    opts.testing?.now,
  );
  const quarantineResults = new QuarantineResults(quarantineCtx);
  testing.listeners.push(quarantineResults);
  const quarantine = {
    facilities: new FacilitiesService(quarantineCtx),
    stays: new StaysService(quarantineCtx),
    care: new HomeCareService(quarantineCtx, quarantineResults),
    certificates: new CertificatesService(quarantineCtx),
  };
  const campaignsCtx = new CampaignsContext(
    db.kysely,
    units,
    audit,
    ruleSets,
    {
      levelOf: (...a) => zones.levelOf(...a),
      totalsIn: (...a) => residents.totalsIn(...a),
      householdSizesIn: (...a) => residents.householdSizesIn(...a),
      householdsByIds: (...a) => residents.householdsByIds(...a),
      residentsOf: (...a) => residents.residentsOf(...a),
      lockedHouseholdsIn: (...a) => lockdown.lockedHouseholdsIn(...a),
      personsWithOccupation: (...a) => residents.personsWithOccupation(...a),
      testing: new TestingForCampaigns(testing),
    },
    opts.testing?.now,
  );
  testing.samplingListeners.push(new CampaignCoverage());
  const campaigns = { campaigns: new CampaignsService(campaignsCtx), plans: new PlansService(campaignsCtx) };
  const forReports = new TestingForReports(testing);
  const reports = {
    dashboard: new DashboardService(
      units,
      {
        casesDaily: (...a) => cases.dailyIn(...a),
        testingDaily: (...a) => forReports.daily(...a),
        labBacklog: (...a) => forReports.labBacklog(...a),
        levelsOn: async (day) => {
          const board = await zones.board(day);
          return {
            regime: board.regime?.kind ?? null,
            units: board.units.map((u) => ({
              unitCode: u.unitCode,
              tier: u.tier,
              level: u.inForce?.level ?? null,
              proposed: u.proposal?.level ?? null,
              rose: u.trend === 'up',
            })),
          };
        },
        facilitiesOf: async (actor, day) => {
          const [board, rules] = await Promise.all([quarantine.facilities.board(actor, day), quarantineCtx.rulesOn(day)]);
          return {
            alertAbove: rules.ops.alertAboveOccupancy ?? null,
            facilities: board.facilities.map((f) => ({ name: f.name, communeCode: f.communeCode, beds: f.beds, occupied: f.occupied })),
          };
        },
      },
      opts.testing?.now,
    ),
  };
  return {
    db,
    audit,
    units,
    geography,
    people,
    auth,
    users,
    tokens,
    ruleSets,
    cases,
    tracing,
    investigations,
    clusters,
    testing,
    labIntake,
    resultLookup,
    fhir,
    zones,
    lockdown,
    boundaries,
    quarantine,
    campaigns,
    reports,
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
