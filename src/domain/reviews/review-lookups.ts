import { In, type DataSource, type EntityManager } from 'typeorm';

import type { MilestoneChangeDto, MilestoneCode } from '../../contracts/reviews';
import { Agency } from '../../data/entities/agency.entity';
import { CalendarEvent } from '../../data/entities/calendar-event.entity';
import { Notification } from '../../data/entities/notification.entity';
import { Person } from '../../data/entities/person.entity';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { CalendarOutboxRepository } from '../../data/repositories/calendar-outbox.repository';
import type { ReviewParts } from '../../data/repositories/review.repository';

/** Names, agencies, notifications and calendar state needed to present reviews. */
export type Lookups = {
  agencies: Map<number, Agency>;
  people: Map<string, Person>;
  notifications: Map<number, string>;
  events: Map<number, CalendarEvent>;
  sync: Map<number, { pending: number; failed: number }>;
  history: Map<number, MilestoneChangeDto[]>;
};

/**
 * Reads what presenting reviews needs in a few queries: agencies, the people named on them, the
 * notifications' references, the meetings' calendar events with their outbox counts, and (when
 * asked) each review's milestone history from the audit log.
 */
export async function lookupsFor(db: DataSource | EntityManager, all: ReviewParts[], withHistory: boolean): Promise<Lookups> {
  const aadIds = new Set<string>();
  for (const p of all) {
    p.panel.forEach((m) => aadIds.add(m.aadObjectId));
    p.infoReports.forEach((r) => r.contactAadId && aadIds.add(r.contactAadId));
    if (p.review.leadReviewerAadId) {
      aadIds.add(p.review.leadReviewerAadId);
    }
  }
  const notificationIds = all.map((p) => p.review.notificationId).filter((n): n is number => n !== null);
  const eventIds = all.flatMap((p) => p.meetings.map((m) => m.calendarEventId)).filter((n): n is number => n !== null);
  const [agencies, people, notifications, events, sync] = await Promise.all([
    db.getRepository(Agency).find(),
    aadIds.size ? db.getRepository(Person).find({ where: { aadObjectId: In([...aadIds]) } }) : [],
    notificationIds.length ? db.getRepository(Notification).find({ where: { id: In(notificationIds) }, select: { id: true, reference: true } }) : [],
    eventIds.length ? db.getRepository(CalendarEvent).find({ where: { id: In(eventIds) } }) : [],
    new CalendarOutboxRepository(db).syncCounts(eventIds),
  ]);
  const history = new Map<number, MilestoneChangeDto[]>();
  if (withHistory) {
    for (const p of all) {
      history.set(p.review.id, await milestoneHistory(db, p.review.id));
    }
  }
  return {
    agencies: new Map(agencies.map((a) => [a.id, a])),
    people: new Map(people.map((x) => [x.aadObjectId, x])),
    notifications: new Map(notifications.map((n) => [n.id, n.reference])),
    events: new Map(events.map((e) => [e.id, e])),
    sync,
    history,
  };
}

async function milestoneHistory(db: DataSource | EntityManager, reviewId: number): Promise<MilestoneChangeDto[]> {
  const entries = (await new AuditRepository(db).forEntity('review', String(reviewId))).filter(
    (e) => e.action === 'review.milestone_changed' && e.detailJson
  );
  const actors = [...new Set(entries.map((e) => e.actorId))];
  const people = actors.length ? await db.getRepository(Person).find({ where: { aadObjectId: In(actors) } }) : [];
  return entries.map((e) => {
    const d = JSON.parse(e.detailJson as string) as { code: MilestoneCode; from?: string; to?: string; reason?: string; done?: boolean };
    return {
      code: d.code,
      at: new Date(e.at).toISOString(),
      by: people.find((x) => x.aadObjectId === e.actorId)?.displayName ?? 'Unknown person',
      from: d.from ?? null,
      to: d.to ?? null,
      reason: d.reason ?? null,
      done: d.done ?? null,
    };
  });
}
