import type {
  MilestoneCode,
  NewReviewMeetingDto,
  ReviewDto,
  ReviewListDto,
  ReviewStatus,
} from '../../../src/contracts/reviews';
import type { ApiClient } from './client';

/** The Reviews page's calls, over the REST API. */
export class ReviewsApi {
  constructor(private readonly api: ApiClient) {}

  list(): Promise<ReviewListDto> {
    return this.api.request<ReviewListDto>('GET', '/api/reviews');
  }

  get(id: number): Promise<ReviewDto> {
    return this.api.request<ReviewDto>('GET', `/api/reviews/${id}`);
  }

  setStatus(review: ReviewDto, status: ReviewStatus): Promise<ReviewDto> {
    return this.api.request<ReviewDto>('PATCH', `/api/reviews/${review.id}`, { version: review.version, status });
  }

  editMilestone(id: number, code: MilestoneCode, change: { targetDate?: string; reason?: string; done?: boolean }): Promise<ReviewDto> {
    return this.api.request<ReviewDto>('PATCH', `/api/reviews/${id}/milestones/${code}`, change);
  }

  scheduleMeeting(id: number, meeting: NewReviewMeetingDto): Promise<ReviewDto> {
    return this.api.request<ReviewDto>('POST', `/api/reviews/${id}/meetings`, meeting);
  }

  cancelMeeting(id: number, meetingId: number): Promise<ReviewDto> {
    return this.api.request<ReviewDto>('DELETE', `/api/reviews/${id}/meetings/${meetingId}`);
  }

  markReceived(id: number, reportId: number, received: boolean): Promise<ReviewDto> {
    return this.api.request<ReviewDto>('PATCH', `/api/reviews/${id}/info-reports/${reportId}`, { received });
  }
}

/** @returns `4 Dec 2026` for `2026-12-04` */
export function shortDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  );
}

/** @returns how far off a date is, e.g. `in 5 days`, `3 days overdue` */
export function daysText(daysLeft: number, done = false): string {
  if (done) {
    return 'done';
  }
  const n = Math.abs(daysLeft);
  const days = `${n} day${n === 1 ? '' : 's'}`;
  if (daysLeft < 0) {
    return `${days} overdue`;
  }
  return daysLeft === 0 ? 'due today' : `in ${days}`;
}
