import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { route } from '../../../platform/http';
import { capabilityStatement } from './capability';
import { observationSearch } from './search';
import type { FhirResults } from './service';
import { bundleView, capabilityStatementView, observationView } from './views';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
/** The FHIR base URL of this server as the client reached it. */
const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.headers.host ?? 'localhost'}/api/fhir`;

/**
 * FHIR R4 over lab results: errors on these routes are OperationOutcome resources (platform/problem.ts). Each route
 * answers a resource as JSON of the FHIR type (`produces`), checked against its schema like any answer.
 */
export function fhirRoutes(fhir: FhirResults) {
  return [
    route({
      method: 'GET',
      url: '/api/fhir/metadata',
      tag: 'testing',
      summary: 'FHIR R4: CapabilityStatement (những gì máy chủ FHIR này phục vụ)',
      access: 'public',
      response: capabilityStatementView,
      produces: FHIR_JSON,
      handler: ({ req }) => capabilityStatement(baseOf(req), { version: '0.1.0' }),
    }),
    route({
      method: 'GET',
      url: '/api/fhir/Observation',
      tag: 'testing',
      access: 'testing.read',
      tokens: true,
      personal: true,
      query: observationSearch,
      summary: 'Kết quả xét nghiệm, FHIR R4: Bundle các Observation kèm Specimen, Patient, Organization; tìm theo patient, date, code, _lastUpdated',
      response: bundleView,
      produces: FHIR_JSON,
      handler: ({ actor, query, req }) => fhir.searchObservations(actor, query, req.query as Record<string, unknown>, baseOf(req)),
    }),
    route({
      method: 'GET',
      url: '/api/fhir/Observation/:id',
      tag: 'testing',
      summary: 'Một kết quả xét nghiệm, FHIR R4 Observation',
      access: 'testing.read',
      tokens: true,
      personal: true,
      params: z.object({ id: z.string().max(64) }),
      response: observationView,
      produces: FHIR_JSON,
      handler: ({ actor, params }) => fhir.readObservation(actor, params.id),
    }),
  ];
}
