import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import { AppError } from '../../errors';

import batchingSchema from '../schemas/json-batching.schema.json';
import openApi from '../schemas/calendar-subset.openapi.json';

/** Checks one request body: undefined when valid, else a readable reason. */
export type BodyCheck = (body: unknown) => string | undefined;

/** The request bodies the stand-in validates. */
export type RequestChecks = { event: BodyCheck; cancel: BodyCheck; getSchedule: BodyCheck; batch: BodyCheck };

type Doc = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>> };

let cached: RequestChecks | undefined;

function explain(errors: ErrorObject[] | null | undefined): string {
  const first = (errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
  return first.join('; ') || 'invalid body';
}

/** Rewrites `#/components/...` references inside an inline request schema to the added document. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(rewriteRefs);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `graph${v}` : rewriteRefs(v)])
    );
  }
  return value;
}

/**
 * Action parameters are matched case-insensitively by Graph (its description spells them
 * `Comment`, `Schedules`…, its documentation `comment`, `schedules`…); rename a body's keys to the
 * schema's spelling so they are type-checked rather than passed as unknown extras.
 */
function normaliser(schema: unknown): (body: unknown) => unknown {
  const props = Object.keys((schema as { properties?: Record<string, unknown> }).properties ?? {});
  const byLower = new Map(props.map((p) => [p.toLowerCase(), p]));
  return (body) =>
    body && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).map(([k, v]) => [byLower.get(k.toLowerCase()) ?? k, v]))
      : body;
}

function check(validate: ValidateFunction, normalise: (b: unknown) => unknown = (b) => b): BodyCheck {
  return (body) => (validate(normalise(body)) ? undefined : explain(validate.errors));
}

/**
 * Compiles (once per process) validators for the request bodies of the Graph calendar subset,
 * following shared/reference/README.md: Ajv 8 with formats, Graph's numeric formats accepted,
 * `time` without a UTC offset; the batch schema with Ajv's 2020-12 build.
 * @returns the checks
 */
export function requestChecks(): RequestChecks {
  if (cached) {
    return cached;
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'base64url', 'double', 'float']) {
    ajv.addFormat(f, true);
  }
  ajv.addFormat('time', /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,12})?$/);
  ajv.addSchema(openApi, 'graph');
  const doc = openApi as unknown as Doc;
  const inline = (path: string) => rewriteRefs(doc.paths[path].post.requestBody?.content?.['application/json']?.schema);
  const cancelSchema = inline('/users/{user-id}/events/{event-id}/cancel');
  const scheduleSchema = inline('/users/{user-id}/calendar/getSchedule');
  const ajv2020 = new Ajv2020({ strict: false, allErrors: true });
  ajv2020.addSchema(batchingSchema);
  const batch = ajv2020.getSchema('urn:refdata:microsoft-graph:json-batching#/$defs/batchRequest');
  if (!batch) {
    throw new AppError(500, 'schema_invalid', 'The JSON batching schema has no batchRequest definition');
  }
  cached = {
    event: check(ajv.compile({ $ref: 'graph#/components/schemas/microsoft.graph.event' })),
    cancel: check(ajv.compile(cancelSchema as object), normaliser(cancelSchema)),
    getSchedule: check(ajv.compile(scheduleSchema as object), normaliser(scheduleSchema)),
    batch: check(batch),
  };
  return cached;
}
