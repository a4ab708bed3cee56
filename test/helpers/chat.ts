import { executeInvoke, personalMessage } from './activities';
import type { FakeConnector } from './fake-connector';
import type { TestResponse, TestServer } from './start-server';

type Json = Record<string, any>;

/** A person chatting with the bot in their personal chat, over the real HTTP endpoint. */
export class ChatUser {
  constructor(
    private server: TestServer,
    private readonly connector: FakeConnector,
    readonly userId: string,
    readonly conversationId = `a:personal-${userId}`
  ) {}

  /** Points the person at another server (after a restart). */
  useServer(server: TestServer): void {
    this.server = server;
  }

  /** Types a message; resolves with the bot's replies in this conversation. */
  async say(text: string): Promise<Json[]> {
    return this.send(personalMessage({ serviceUrl: this.connector.url, userId: this.userId, conversationId: this.conversationId, text }));
  }

  /** Presses an Action.Submit: `data` is the button's data merged with the card's inputs. */
  async submit(value: Json, id?: string): Promise<Json[]> {
    return this.send(personalMessage({ serviceUrl: this.connector.url, userId: this.userId, conversationId: this.conversationId, value, id }));
  }

  /** Sends a prepared activity (e.g. the same one twice); resolves with the new replies. */
  async send(activity: Json): Promise<Json[]> {
    const before = this.replies().length;
    const res = await this.server.request('POST', '/api/messages', { body: activity });
    if (res.status !== 200) {
      throw new Error(`bot answered ${res.status}: ${res.text}`);
    }
    return this.replies().slice(before);
  }

  /** Presses an Action.Execute; resolves with the HTTP response (the invoke response body). */
  async execute(verb: string, data: Json, conversationId = this.conversationId): Promise<TestResponse> {
    const activity = executeInvoke({ serviceUrl: this.connector.url, userId: this.userId, verb, data, conversationId });
    return this.server.request('POST', '/api/messages', { body: activity });
  }

  /** @returns every activity the bot sent to this conversation so far */
  replies(): Json[] {
    return this.connector.calls.filter((c) => c.conversationId === this.conversationId).map((c) => c.activity);
  }
}

/** @returns the Adaptive Card of a reply, or throws */
export function cardOf(activity: Json | undefined): Json {
  const content = activity?.attachments?.[0]?.content;
  if (!content) {
    throw new Error(`expected a card, got ${JSON.stringify(activity)?.slice(0, 300)}`);
  }
  return content;
}

/** @returns the card's action with this title (top-level or inside a ShowCard) */
export function actionOf(card: Json, title: string): Json {
  const all: Json[] = [];
  const visit = (actions: Json[] | undefined) =>
    (actions ?? []).forEach((a) => {
      all.push(a);
      visit(a.card?.actions);
    });
  visit(card.actions);
  const found = all.find((a) => a.title === title);
  if (!found) {
    throw new Error(`no action "${title}" in ${all.map((a) => a.title).join(', ')}`);
  }
  return found;
}

/** @returns every input on the card (and its ShowCards), by id */
export function inputsOf(card: Json): Record<string, Json> {
  const inputs: Record<string, Json> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      const n = node as Json;
      if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.id) {
        inputs[n.id] = n;
      }
      Object.values(n).forEach(visit);
    }
  };
  visit(card);
  return inputs;
}

/** @returns the text of every TextBlock on the card, in order */
export function textsOf(card: Json): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      const n = node as Json;
      if (n.type === 'TextBlock') {
        texts.push(String(n.text));
      }
      Object.values(n).forEach(visit);
    }
  };
  visit(card.body);
  return texts;
}

/**
 * What Teams sends when a button is pressed: the button's data plus the card's inputs (as strings),
 * unless the button does not take inputs.
 */
export function press(card: Json, title: string, inputs: Record<string, string> = {}): Json {
  const action = actionOf(card, title);
  if (String(action.associatedInputs ?? 'auto').toLowerCase() === 'none') {
    return { ...action.data };
  }
  const current: Record<string, string> = {};
  for (const [id, input] of Object.entries(inputsOf(card))) {
    if (input.value !== undefined) {
      current[id] = String(input.value);
    } else if (input.type === 'Input.Toggle') {
      current[id] = String(input.valueOff ?? 'false');
    }
  }
  return { ...current, ...inputs, ...action.data };
}
