import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Someone invited to a calendar event. */
export type CalendarAttendeeRecord = { email: string; name?: string; type: 'required' | 'optional' };

/** One attendee's answer as last read from Outlook. */
export type AttendeeResponseRecord = { email: string; response: string; respondedAt: string | null };

/**
 * The app's record of an event in the board's organiser calendar (a panel, focus group or learning
 * event). Changes to it go to Outlook through `calendar_outbox`, written in the same transaction.
 */
@Entity('calendar_events')
export class CalendarEvent {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** `panel`, `focus_group` or `learning_event` */
  @Column({ type: String, length: 20 })
  kind!: string;

  /** id of the panel / focus group / learning event in its own table */
  @Column({ name: 'source_id', type: String, length: 100 })
  sourceId!: string;

  @Column({ type: String, length: 255 })
  subject!: string;

  /** plain text; becomes the body of the invitation with a link back to the app */
  @Column({ type: 'text', nullable: true })
  agenda!: string | null;

  @Column({ name: 'link_url', type: String, length: 1000, nullable: true })
  linkUrl!: string | null;

  @Column({ name: 'start_utc', type: Date })
  startUtc!: Date;

  @Column({ name: 'end_utc', type: Date })
  endUtc!: Date;

  /** IANA zone the event is shown in, e.g. `Europe/London` */
  @Column({ name: 'time_zone', type: String, length: 64 })
  timeZone!: string;

  @Column({ type: String, length: 255, nullable: true })
  location!: string | null;

  @Column({ name: 'attendees_json', type: 'simple-json' })
  attendees!: CalendarAttendeeRecord[];

  /** Outlook's event id once created */
  @Column({ name: 'graph_event_id', type: String, length: 512, nullable: true })
  graphEventId!: string | null;

  @Column({ name: 'join_url', type: String, length: 2000, nullable: true })
  joinUrl!: string | null;

  /** Graph created the event but left out the Teams meeting */
  @Column({ name: 'missing_join_url', type: Boolean, default: false })
  missingJoinUrl!: boolean;

  /** `pending` (not yet in Outlook), `scheduled` or `cancelled` */
  @Column({ type: String, length: 20 })
  status!: string;

  @Column({ name: 'cancel_message', type: 'text', nullable: true })
  cancelMessage!: string | null;

  @Column({ name: 'attendee_responses_json', type: 'simple-json', nullable: true })
  attendeeResponses!: AttendeeResponseRecord[] | null;

  @Column({ name: 'responses_checked_at', type: Date, nullable: true })
  responsesCheckedAt!: Date | null;

  /** Entra object id of whoever scheduled it, or `system` */
  @Column({ name: 'created_by', type: String, length: 100 })
  createdBy!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
