import { z } from 'zod';

/**
 * The FHIR R4 resources these routes answer (resources.ts builds them), as far as this server fills them in;
 * HL7's R4 schema (test/fhir-schema.ts) checks them fully in the tests.
 */

const coding = z.object({ system: z.string(), code: z.string(), display: z.string() });
const codeableConcept = z.object({ coding: z.array(coding), text: z.string().optional() });
const reference = z.object({ reference: z.string() });
const identifier = z.object({ system: z.string(), value: z.string() });
const note = z.object({ text: z.string() });

export const observationView = z.object({
  resourceType: z.literal('Observation'),
  id: z.string(),
  meta: z.object({ versionId: z.string(), lastUpdated: z.string() }),
  identifier: z.array(identifier),
  /** A positive or inconclusive pool is only `preliminary` for each member; a result replaced after review is `corrected`. */
  status: z.enum(['final', 'preliminary', 'corrected']),
  category: z.array(codeableConcept),
  code: codeableConcept,
  subject: reference,
  effectiveDateTime: z.string(),
  /** When the result was reported. */
  issued: z.string().optional(),
  performer: z.array(reference).optional(),
  valueCodeableConcept: codeableConcept,
  note: z.array(note).optional(),
  specimen: reference,
  /** The Ct value. */
  component: z
    .array(
      z.object({
        code: codeableConcept,
        valueQuantity: z.object({ value: z.number(), unit: z.string(), system: z.string(), code: z.string() }),
      }),
    )
    .optional(),
});
export type ObservationView = z.infer<typeof observationView>;

export const specimenView = z.object({
  resourceType: z.literal('Specimen'),
  id: z.string(),
  identifier: z.array(identifier),
  status: z.literal('available'),
  type: codeableConcept,
  /** Only a single tube is one person's. */
  subject: reference.optional(),
  receivedTime: z.string().optional(),
  collection: z.object({ collectedDateTime: z.string() }),
  note: z.array(note).optional(),
});
export type SpecimenView = z.infer<typeof specimenView>;

/** A person; one outside the caller's scope is only their id and the place they live. */
export const patientView = z.object({
  resourceType: z.literal('Patient'),
  id: z.string(),
  /** The person's id here, and the CCCD or CMND when known. */
  identifier: z.array(identifier.extend({ use: z.literal('official').optional(), type: codeableConcept.optional() })),
  name: z.array(z.object({ use: z.literal('official'), text: z.string(), family: z.string(), given: z.array(z.string()).optional() })).optional(),
  gender: z.enum(['male', 'female']).optional(),
  /** yyyy-MM-dd, or the year only. */
  birthDate: z.string().optional(),
  address: z.array(
    z.object({
      use: z.literal('home'),
      line: z.array(z.string()).optional(),
      text: z.string(),
      district: z.string().optional(),
      state: z.string().optional(),
      country: z.literal('VN'),
      extension: z.array(z.object({ url: z.string(), valueCode: z.string() })),
    }),
  ),
});
export type PatientView = z.infer<typeof patientView>;

/** A lab. */
export const organizationView = z.object({
  resourceType: z.literal('Organization'),
  id: z.string(),
  identifier: z.array(identifier),
  active: z.boolean(),
  type: z.array(codeableConcept),
  name: z.string(),
  address: z.array(z.object({ text: z.string(), country: z.literal('VN') })).optional(),
});
export type OrganizationView = z.infer<typeof organizationView>;

/** What a search Bundle includes besides the Observations it found. */
export type IncludedResource = SpecimenView | PatientView | OrganizationView;

/** A searchset: the page's Observations (mode `match`), then the resources they reference, each once (mode `include`). */
export const bundleView = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  timestamp: z.string(),
  total: z.number().int(),
  /** Paging links that repeat the search. */
  link: z.array(z.object({ relation: z.enum(['self', 'first', 'previous', 'next', 'last']), url: z.string() })),
  entry: z.array(
    z.object({
      fullUrl: z.string(),
      resource: z.discriminatedUnion('resourceType', [observationView, specimenView, patientView, organizationView]),
      search: z.object({ mode: z.enum(['match', 'include']) }),
    }),
  ),
});
export type BundleView = z.infer<typeof bundleView>;

/** What this FHIR endpoint serves (instance kind): the fixed top-level keys; the rest is the document in capability.ts. */
export const capabilityStatementView = z.looseObject({
  resourceType: z.literal('CapabilityStatement'),
  status: z.literal('active'),
  date: z.string(),
  publisher: z.string(),
  kind: z.literal('instance'),
  software: z.object({ name: z.string(), version: z.string() }),
  implementation: z.object({ description: z.string(), url: z.string() }),
  fhirVersion: z.literal('4.0.1'),
  format: z.array(z.string()),
  rest: z.array(
    z.looseObject({
      mode: z.literal('server'),
      resource: z.array(z.looseObject({ type: z.string(), interaction: z.array(z.object({ code: z.string() })) })),
    }),
  ),
});
export type CapabilityStatementView = z.infer<typeof capabilityStatementView>;
