import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

/** HL7's FHIR R4 JSON schema (vendor/fhir), compiled once per test file. */
let ajv: Ajv | null = null;

function load(): Ajv {
  if (ajv) return ajv;
  // draft-06 names the schema `$id`; HL7's file still says `id` (draft-04), which ajv 8 refuses
  const { id, ...schema } = JSON.parse(readFileSync(fileURLToPath(new URL('../../../vendor/fhir/fhir.schema.json', import.meta.url)), 'utf8'));
  ajv = new Ajv({ strict: false, allErrors: false, logger: false });
  ajv.addMetaSchema(draft06);
  // the schema of the R4 publication (4.0.0) lists FHIR versions up to 4.0.0; R4's technical correction 4.0.1
  // (what this server declares) changed no structure, so it is added to that list
  const versions = schema.definitions.CapabilityStatement.properties.fhirVersion;
  versions.enum = [...versions.enum, '4.0.1'];
  ajv.addSchema({ $id: id, ...schema }, 'fhir');
  return ajv;
}

/**
 * What is wrong with a resource by the R4 schema of its resourceType ([] when valid). A Bundle is checked whole
 * and each of its entries on its own, so an error names the entry and the property rather than every resource
 * type the entry is not (the whole Bundle's first errors are kept too).
 */
export function fhirErrors(resource: { resourceType?: string; entry?: { resource?: unknown }[] } | null): string[] {
  const a = load();
  const type = resource?.resourceType;
  const validate = type ? a.getSchema(`fhir#/definitions/${type}`) : undefined;
  if (!validate) return [`unknown resourceType ${String(type)}`];
  const errors = validate(resource)
    ? []
    : (validate.errors ?? []).slice(0, 3).map((e) => `${type}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  resource?.entry?.forEach((e, i) => {
    for (const err of fhirErrors(e.resource as Parameters<typeof fhirErrors>[0])) errors.push(`entry[${i}].${err}`);
  });
  return errors;
}
