import { z } from 'zod';

import type { LocalGraphServer } from '../local-graph-server';
import { FaultSchema } from './faults';

type Answer = { status: number; headers: Record<string, string>; body?: string };

const RespondSchema = z.object({
  eventId: z.string().min(1),
  email: z.string().min(3),
  response: z.enum(['none', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']),
});

const BusySchema = z.object({
  email: z.string().min(3),
  periods: z.array(
    z.object({
      start: z.iso.datetime({ offset: true }),
      end: z.iso.datetime({ offset: true }),
      status: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere']).default('busy'),
    })
  ),
});

function answer(status: number, body?: unknown): Answer {
  return body === undefined
    ? { status, headers: {} }
    : { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

function parse<S extends z.ZodType>(schema: S, raw: string): z.infer<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(raw || '{}'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stand-in's control API (loopback only, no token): `GET /_control/stats`,
 * `GET /_control/events`, `POST|DELETE /_control/faults`, `POST /_control/responses`
 * (`{eventId, email, response}`), `POST /_control/busy` (`{email, periods: [{start, end, status}]}`).
 * @returns the answer
 */
export function handleControl(graph: LocalGraphServer, method: string, path: string, raw: string): Answer {
  const route = `${method} ${path}`;
  if (route === 'GET /_control/stats') {
    return answer(200, graph.stats);
  }
  if (route === 'GET /_control/events') {
    return answer(200, { value: [...graph.store.events.values()].map((e) => graph.store.toJson(e)) });
  }
  if (route === 'DELETE /_control/faults') {
    graph.clearFaults();
    return answer(204);
  }
  if (route === 'POST /_control/faults') {
    const fault = parse(FaultSchema, raw);
    if (!fault) {
      return answer(400, { error: 'invalid fault' });
    }
    graph.injectFault(fault);
    return answer(204);
  }
  if (route === 'POST /_control/responses') {
    const r = parse(RespondSchema, raw);
    if (!r) {
      return answer(400, { error: 'expected {eventId, email, response}' });
    }
    return answer(graph.respond(r.eventId, r.email, r.response) ? 204 : 404);
  }
  if (route === 'POST /_control/busy') {
    const b = parse(BusySchema, raw);
    if (!b) {
      return answer(400, { error: 'expected {email, periods: [{start, end, status}]}' });
    }
    graph.setBusy(b.email, b.periods.map((p) => ({ start: new Date(p.start), end: new Date(p.end), status: p.status })));
    return answer(204);
  }
  return answer(404, { error: 'unknown control route' });
}
