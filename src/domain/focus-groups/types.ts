import type { DataSource } from 'typeorm';

import type { EligibilityDto, FocusGroupViewDto, SignupStatus } from '../../contracts/audits';
import type { EventBus } from '../events';

/** What the focus-group use-cases need. */
export type FocusGroupDeps = {
  db: DataSource;
  /** after-commit notifications (promotions) */
  events: EventBus;
  /** the current time (tests pass a fixed clock) */
  now: () => Date;
};

/**
 * A session as one caller sees it: seats, waiting list and their own place. The same fields as the
 * API's view, with the start as a Date and the eligibility rule the presenter leaves out.
 */
export type SessionView = Omit<FocusGroupViewDto, 'startsAt'> & {
  startsAt: Date;
  eligibility: EligibilityDto;
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
