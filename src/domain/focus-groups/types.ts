import type { DataSource } from 'typeorm';

import type { EligibilityDto, FocusGroupStatus, SignupStatus } from '../../contracts/audits';
import type { EventBus } from '../events';

/** What the focus-group use-cases need. */
export type FocusGroupDeps = {
  db: DataSource;
  /** after-commit notifications (promotions) */
  events: EventBus;
  /** the current time (tests pass a fixed clock) */
  now: () => Date;
};

/** A session as one caller sees it: seats, waiting list and their own place. */
export type SessionView = {
  id: number;
  auditId: number;
  auditTitle: string;
  theme: string;
  startsAt: Date;
  durationMinutes: number;
  location: string;
  online: boolean;
  capacity: number;
  confirmedCount: number;
  waitlistLength: number;
  seatsLeft: number;
  status: FocusGroupStatus;
  /** the session has started */
  past: boolean;
  eligibility: EligibilityDto;
  /** whether this caller may sign up */
  eligible: boolean;
  myStatus: SignupStatus | null;
  myPosition: number | null;
};

/** The outcome of a sign-up request. */
export type SignUpOutcome = {
  status: 'confirmed' | 'waitlisted';
  /** place on the waiting list, when waitlisted */
  position: number | null;
  /** the person already had this place: nothing changed */
  replayed: boolean;
};

/** A sign-up as the business unit sees it. */
export type SignupView = {
  id: number;
  name: string;
  agency: string | null;
  role: string;
  accessNeeds: string | null;
  status: SignupStatus;
  position: number | null;
  createdAt: Date;
};
