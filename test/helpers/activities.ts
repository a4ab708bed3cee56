import fs from 'node:fs';
import path from 'node:path';

/** Folder of the official activity payloads in shared/reference. */
export const ACTIVITIES_DIR = path.resolve(__dirname, '../../../shared/reference/activities');

/** @returns a deep copy of a reference activity, e.g. `message-personal.json` */
export function loadActivity(name: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(ACTIVITIES_DIR, name), 'utf8'));
}

let counter = 0;

/**
 * A personal-chat message from a user, shaped like `message-personal.json`, aimed at a connector.
 * @param opts the text or card-submit value, the user's object id and name, the connector URL
 */
export function personalMessage(opts: {
  serviceUrl: string;
  userId: string;
  userName?: string;
  text?: string;
  value?: Record<string, unknown>;
  conversationId?: string;
  id?: string;
}): Record<string, any> {
  const a = loadActivity('message-personal.json');
  a.id = opts.id ?? `msg-${Date.now()}-${++counter}`;
  a.timestamp = new Date().toISOString();
  a.serviceUrl = opts.serviceUrl;
  a.from = { id: `29:${opts.userId}`, name: opts.userName ?? 'Test User', aadObjectId: opts.userId };
  a.conversation = { conversationType: 'personal', id: opts.conversationId ?? `a:personal-${opts.userId}`, tenantId: a.channelData.tenant.id };
  if (opts.value) {
    delete a.text;
    a.value = opts.value;
  } else {
    a.text = opts.text ?? '';
  }
  return a;
}

/**
 * An `adaptiveCard/action` invoke (Action.Execute) from a user, shaped like `invoke-adaptive-card-action.json`.
 */
export function executeInvoke(opts: {
  serviceUrl: string;
  userId: string;
  userName?: string;
  verb: string;
  data?: Record<string, unknown>;
  conversationId?: string;
  trigger?: 'manual' | 'automatic';
}): Record<string, any> {
  const a = loadActivity('invoke-adaptive-card-action.json');
  a.id = `inv-${Date.now()}-${++counter}`;
  a.serviceUrl = opts.serviceUrl;
  a.from = { ...(a.from ?? {}), id: `29:${opts.userId}`, name: opts.userName ?? 'Test User', aadObjectId: opts.userId };
  a.conversation = { ...(a.conversation ?? {}), conversationType: 'personal', id: opts.conversationId ?? `a:personal-${opts.userId}` };
  a.value = { action: { type: 'Action.Execute', verb: opts.verb, data: opts.data ?? {} }, trigger: opts.trigger ?? 'manual' };
  return a;
}
