import type { CalendarEvent } from '../../data/entities/calendar-event.entity';
import type { CalendarOutboxItem } from '../../data/entities/calendar-outbox-item.entity';
import { readCreatedEvent, type GraphCalendarClient } from '../../graph/calendar';
import { GraphPermissionError, GraphRequestError, GraphRetryableError } from '../../graph/errors';
import { failureOf, type GraphCall, type GraphResponse } from '../../graph/responses';
import type { CreatedEvent } from '../../graph/types';
import { eventDraft } from './event-draft';

/** Graph takes at most 20 requests a batch. */
export const MAX_BATCH = 20;

/** What became of one outbox item. */
export type Outcome =
  | { kind: 'sent'; created?: CreatedEvent; note?: string }
  | { kind: 'retry'; error: string; retryAfterMs?: number; refund?: boolean }
  | { kind: 'failed'; error: string };

/** An item ready to go: its Graph request. */
export type Planned = { item: CalendarOutboxItem; call: GraphCall };

/**
 * Turns an item into its Graph request, built from the event as it is now (so a late retry never
 * sends stale data), or decides it needs no request.
 * @param first whether this is the item's first attempt (nothing can have reached Graph yet)
 * @returns the request, or the outcome without one
 */
export function planItem(calendar: GraphCalendarClient, item: CalendarOutboxItem, event: CalendarEvent | undefined, link: string): GraphCall | Outcome {
  const id = String(item.id);
  if (!event) {
    return { kind: 'failed', error: 'The calendar event no longer exists' };
  }
  const cancelled = event.status === 'cancelled';
  if (item.operation === 'create') {
    if (cancelled && item.attempts <= 1) {
      return { kind: 'sent', note: 'not sent: the event was cancelled before it reached Outlook' };
    }
    return calendar.createEventCall(id, eventDraft(event, link), item.transactionId);
  }
  if (!event.graphEventId) {
    return cancelled
      ? { kind: 'sent', note: 'not sent: the event never reached Outlook' }
      : { kind: 'failed', error: 'The event has no Outlook id (its creation did not succeed)' };
  }
  if (item.operation === 'cancel') {
    return calendar.cancelEventCall(id, event.graphEventId, String(item.payload.message ?? event.cancelMessage ?? ''));
  }
  if (cancelled) {
    return { kind: 'sent', note: 'not sent: the event is being cancelled' };
  }
  const draft = eventDraft(event, link);
  return item.operation === 'update'
    ? calendar.updateEventCall(id, event.graphEventId, draft)
    : calendar.updateEventCall(id, event.graphEventId, { attendees: draft.attendees });
}

/** @returns the outcome of an error thrown while sending */
export function outcomeOfError(err: unknown): Outcome {
  if (err instanceof GraphRetryableError) {
    return { kind: 'retry', error: err.message, retryAfterMs: err.retryAfterMs, refund: err.notSent };
  }
  if (err instanceof GraphPermissionError || err instanceof GraphRequestError) {
    return { kind: 'failed', error: err.message };
  }
  return { kind: 'retry', error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
}

/** @returns the outcome of Graph's answer to an item's request */
export function outcomeOfResponse(item: CalendarOutboxItem, call: GraphCall, res: GraphResponse | undefined): Outcome {
  if (!res) {
    return { kind: 'retry', error: 'Graph left the request out of the batch answer', refund: true };
  }
  if (res.status === 424) {
    return { kind: 'retry', error: 'Not run: an earlier request in the batch failed', refund: true };
  }
  if (item.operation === 'cancel' && res.status === 404) {
    return { kind: 'sent', note: 'the event was already gone from Outlook' };
  }
  const failure = failureOf(call, res);
  if (failure) {
    return outcomeOfError(failure);
  }
  try {
    return item.operation === 'create' ? { kind: 'sent', created: readCreatedEvent(res) } : { kind: 'sent' };
  } catch (err) {
    return outcomeOfError(err);
  }
}

/** @returns n items cut into ⌈n/20⌉ batches of nearly equal size */
export function chunkForBatches<T>(list: T[]): T[][] {
  const count = Math.ceil(list.length / MAX_BATCH);
  const size = Math.ceil(list.length / Math.max(1, count));
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) {
    out.push(list.slice(i, i + size));
  }
  return out;
}

/**
 * Sends planned items: one request each when few, otherwise `$batch`es of ≤20 whose requests run
 * one after the other (`dependsOn` chain), so each batch occupies one of Outlook's concurrent
 * places for the mailbox and at most `maxConcurrency` batches run at once.
 * @returns each item's outcome by item id
 */
export async function sendPlanned(calendar: GraphCalendarClient, planned: Planned[], batchAbove: number, maxWaitMs: number): Promise<Map<number, Outcome>> {
  const outcomes = new Map<number, Outcome>();
  if (planned.length <= batchAbove) {
    await Promise.all(
      planned.map(async ({ item, call }) => {
        try {
          outcomes.set(item.id, outcomeOfResponse(item, call, await calendar.http.send(call, maxWaitMs)));
        } catch (err) {
          const notFound = err instanceof GraphRequestError && err.graphStatus === 404 && item.operation === 'cancel';
          outcomes.set(item.id, notFound ? { kind: 'sent', note: 'the event was already gone from Outlook' } : outcomeOfError(err));
        }
      })
    );
    return outcomes;
  }
  await Promise.all(
    chunkForBatches(planned).map(async (group) => {
      try {
        const answers = await calendar.http.batch(group.map((p) => p.call), true, maxWaitMs);
        for (const { item, call } of group) {
          outcomes.set(item.id, outcomeOfResponse(item, call, answers.get(call.id)));
        }
      } catch (err) {
        for (const { item } of group) {
          outcomes.set(item.id, outcomeOfError(err));
        }
      }
    })
  );
  return outcomes;
}
