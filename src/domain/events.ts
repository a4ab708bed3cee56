import { EventEmitter } from 'node:events';

import type { Logger } from '../logging/logger';

/**
 * Things that happened, published by use-cases after their transaction commits, so the edges
 * (chiefly the bot's proactive messages) can tell people. Payloads carry ids and codes, never a
 * child's personal details.
 */
export type DomainEvents = {
  /** a practitioner notified a case; the business unit's channel gets a triage card */
  'notification.created': { reference: string };
  /** the business unit decided a route or asked for more information; the notifier is told */
  'notification.decided': { reference: string };
  /** a waiting-list place became a confirmed seat; the practitioner is told */
  'focus_group.promoted': { focusGroupId: number; aadObjectId: string };
  /** an action's status, notes, evidence or dates changed (by a person or the RAG rule) */
  'action.changed': { actionId: number; leadAgencyId: number; status: string };
};

type Listener<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => Promise<void>;

/** A typed in-process event bus. Listener failures are logged, never thrown back at the publisher. */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  /** Subscribes to one event. */
  on<K extends keyof DomainEvents>(event: K, listener: Listener<K>): void {
    this.emitter.on(event, (payload: DomainEvents[K]) => {
      const p = listener(payload)
        .catch((err: unknown) =>
          this.log.error('event listener failed', { event, err: err instanceof Error ? err.name : String(err) })
        )
        .finally(() => this.pending.delete(p));
      this.pending.add(p);
    });
  }

  /** Publishes an event (call only after the change is committed). */
  emit<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): void {
    this.emitter.emit(event, payload);
  }

  /** Resolves when every listener started so far has finished (graceful shutdown, tests). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }
}
