import fs from 'node:fs';
import path from 'node:path';

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The shared reference schemas. They live beside the repo (`<parent>/shared/reference`), not in
 * it, so these validators only run where that folder exists.
 */
export const REFERENCE_DIR = path.resolve(__dirname, '../../../shared/reference');

/** Content type of an Adaptive Card attachment or invoke-response value. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The outcome of a schema check; `errors` are readable one-liners (empty when valid). */
export type SchemaCheck = { valid: boolean; errors: string[] };

type Json = Record<string, unknown>;

function readSchema(relativePath: string): Json {
  return JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, relativePath), 'utf8')) as Json;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`
  );
}

function check(validate: ValidateFunction, data: unknown): SchemaCheck {
  const valid = validate(data) === true;
  return { valid, errors: valid ? [] : formatErrors(validate.errors) };
}

/** Compiles once, on first use, so importing this module stays cheap. */
function lazy(compile: () => ValidateFunction): () => ValidateFunction {
  let fn: ValidateFunction | undefined;
  return () => (fn ??= compile());
}

const teamsManifest = lazy(() => {
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(readSchema('teams-manifest/MicrosoftTeams.schema.v1.30.json'));
});

const adaptiveCard15 = lazy(() => {
  const ajv = new Ajv({ strict: false });
  ajv.addMetaSchema(readJsonModule('ajv/dist/refs/json-schema-draft-06.json'));
  addFormats(ajv);
  const schema = readSchema('adaptive-cards/adaptive-card.1.5.json');
  // Ajv 8 refuses the legacy draft-06 `id` keyword at the root.
  delete schema.id;
  return ajv.compile(schema);
});

function readJsonModule(request: string): Json {
  return JSON.parse(fs.readFileSync(require.resolve(request), 'utf8')) as Json;
}

function compileActivity(incoming: boolean): ValidateFunction {
  const schema = readSchema('activities/botframework-protocol.schema.json');
  if (incoming) {
    const defs = schema.definitions as Record<string, Json & { properties: Record<string, Json> }>;
    // Teams omits `name` on `from`/`membersAdded`, and sends text/html attachments whose
    // content is a string.
    defs.ChannelAccount.required = ['id'];
    delete defs.Attachment.properties.content.type;
  }
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  ajv.addSchema(schema, 'bf');
  return ajv.compile({ $ref: 'bf#/definitions/Activity' });
}

const outgoingActivity = lazy(() => compileActivity(false));
const incomingActivity = lazy(() => compileActivity(true));

const universalAction = lazy(() => {
  const ajv = new Ajv();
  // The README's "plain new Ajv()" needs this: strict mode rejects the annotation keyword.
  ajv.addVocabulary(['x-refdata']);
  ajv.addSchema(readSchema('activities/universal-action.schema.json'));
  const fn = ajv.getSchema('urn:refdata:teams:universal-action');
  if (!fn) {
    throw new Error('universal-action.schema.json did not register its $id');
  }
  return fn;
});

/**
 * Validates a Teams app manifest against the v1.30 schema (draft-04, as `@microsoft/app-manifest`).
 * @param manifest the manifest after placeholder substitution
 */
export function validateTeamsManifest(manifest: unknown): SchemaCheck {
  return check(teamsManifest(), manifest);
}

/**
 * Validates an Adaptive Card against the official 1.5 schema (unknown element types fail).
 * @param card the card JSON, raw template or bound
 */
export function validateAdaptiveCard(card: unknown): SchemaCheck {
  return check(adaptiveCard15(), card);
}

/**
 * Validates a Bot Framework activity against the protocol schema.
 * @param activity the activity JSON
 * @param options `incoming: true` applies the two relaxations real Teams payloads need
 */
export function validateActivity(activity: unknown, options: { incoming: boolean }): SchemaCheck {
  return check(options.incoming ? incomingActivity() : outgoingActivity(), activity);
}

/**
 * Validates an `adaptiveCard/action` invoke response body; a returned card is checked as AC 1.5.
 * @param body the HTTP 200 body the bot returns for Action.Execute
 */
export function validateInvokeResponse(body: unknown): SchemaCheck {
  const result = check(universalAction(), body);
  const b = body as { type?: unknown; value?: unknown } | null;
  if (result.valid && b?.type === ADAPTIVE_CARD_CONTENT_TYPE) {
    const card = validateAdaptiveCard(b.value);
    return { valid: card.valid, errors: card.errors.map((e) => `value${e}`) };
  }
  return result;
}

/**
 * Throws with every schema error when a check failed (for use inside `it`).
 * @param result the check to assert
 * @param label what was checked, for the message
 */
export function assertSchemaValid(result: SchemaCheck, label: string): void {
  if (!result.valid) {
    throw new Error(`${label} does not match its schema:\n  ${result.errors.join('\n  ')}`);
  }
}
