import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';

import type { ReviewDto, ReviewStatus } from '../../../../src/contracts/reviews';
import { shortDate, type ReviewsApi } from '../../api/reviews';
import { MeetingForm } from '../MeetingForm/MeetingForm';
import { MilestoneTable } from '../MilestoneTable/MilestoneTable';
import { ReviewMeetings } from '../ReviewMeetings/ReviewMeetings';

function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id} style={{ marginTop: 16 }}>
      <Title3 as="h3" id={props.id}>
        {props.title}
      </Title3>
      {props.children}
    </section>
  );
}

function Panel(props: { review: ReviewDto }) {
  if (props.review.panel.length === 0) {
    return <Text>Nobody on the panel yet.</Text>;
  }
  return (
    <Table aria-label="Panel" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Member</TableHeaderCell>
          <TableHeaderCell>Agency</TableHeaderCell>
          <TableHeaderCell>Role on the panel</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.review.panel.map((p) => (
          <TableRow key={p.id}>
            <TableCell>{p.name}</TableCell>
            <TableCell>{p.agency?.name ?? 'No agency'}</TableCell>
            <TableCell>{p.panelRole}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function InfoReports(props: { review: ReviewDto; canEdit: boolean; onReceived: (id: number, received: boolean) => Promise<void> }) {
  if (props.review.infoReports.length === 0) {
    return <Text>No agency has been asked for an information report.</Text>;
  }
  return (
    <Table aria-label="Information reports" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Agency</TableHeaderCell>
          <TableHeaderCell>Due</TableHeaderCell>
          <TableHeaderCell>State</TableHeaderCell>
          {props.canEdit && <TableHeaderCell>Actions</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.review.infoReports.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{r.agency.name}</TableCell>
            <TableCell>{shortDate(r.dueDate)}</TableCell>
            <TableCell>
              <Badge appearance="tint" color={r.receivedAt ? 'success' : r.overdue ? 'danger' : 'informative'}>
                {r.receivedAt ? `Received ${shortDate(r.receivedAt)}` : r.overdue ? 'Overdue' : 'Awaited'}
              </Badge>
            </TableCell>
            {props.canEdit && (
              <TableCell>
                <Button size="small" aria-label={`${r.receivedAt ? 'Not received' : 'Received'}: ${r.agency.name}`} onClick={() => void props.onReceived(r.id, !r.receivedAt)}>
                  {r.receivedAt ? 'Mark awaited' : 'Mark received'}
                </Button>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One review: warnings, lead reviewer, status, panel, information reports, milestones, meetings. */
export function ReviewDetail(props: { id: number; reviews: ReviewsApi; canEdit: boolean; statusLabels: Record<ReviewStatus, string>; onChanged: () => void }) {
  const { id, reviews, canEdit } = props;
  const [review, setReview] = useState<ReviewDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    reviews.get(id).then(setReview, (e: Error) => setError(e.message));
  }, [reviews, id]);
  useEffect(load, [load]);

  const apply = async (change: Promise<ReviewDto>) => {
    try {
      setReview(await change);
      setError(null);
      props.onChanged();
    } catch (e) {
      setError((e as Error).message);
      load();
      throw e;
    }
  };

  if (!review) {
    return error ? <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar> : <Spinner label="Loading the review…" />;
  }
  const lead = review.leadReviewer;
  return (
    <article aria-labelledby="review-heading" style={{ marginTop: 24 }}>
      <Title3 as="h2" id="review-heading">
        {review.reference}: {review.title}
      </Title3>
      <Text block>
        {review.type.label}
        {review.notificationReference ? ` · from notification ${review.notificationReference}` : ''} · {review.completion.label} by{' '}
        {shortDate(review.completion.due)}
      </Text>
      <Text block>
        Lead reviewer: {lead ? `${lead.name}${lead.agency ? ` (${lead.agency.name})` : ''}${lead.independent ? ', independent' : ''}` : 'not named yet'}
      </Text>
      {review.warnings.map((w) => (
        <MessageBar key={w} intent="warning" style={{ marginTop: 8 }}>
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      {error && (
        <MessageBar intent="error" style={{ marginTop: 8 }}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {canEdit ? (
        <Field label="Status" style={{ maxWidth: 240, marginTop: 8 }}>
          <Select value={review.status} onChange={(_, d) => void apply(reviews.setStatus(review, d.value as ReviewStatus)).catch(() => undefined)}>
            {Object.entries(props.statusLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Text block>Status: {props.statusLabels[review.status]}</Text>
      )}
      <Section id="review-panel" title="Panel">
        <Panel review={review} />
      </Section>
      <Section id="review-reports" title="Information reports">
        <InfoReports review={review} canEdit={canEdit} onReceived={(reportId, received) => apply(reviews.markReceived(id, reportId, received)).catch(() => undefined)} />
      </Section>
      <Section id="review-milestones" title="Milestones">
        <MilestoneTable milestones={review.milestones} canEdit={canEdit} onChange={(code, change) => apply(reviews.editMilestone(id, code, change))} />
      </Section>
      <Section id="review-meetings" title="Meetings">
        <ReviewMeetings meetings={review.meetings} canEdit={canEdit} onCancel={(meetingId) => apply(reviews.cancelMeeting(id, meetingId)).catch(() => undefined)} />
        {canEdit && (
          <div style={{ marginTop: 12 }}>
            <MeetingForm onSchedule={(meeting) => apply(reviews.scheduleMeeting(id, meeting))} />
          </div>
        )}
      </Section>
      {review.actionPlanId !== null && <Text block style={{ marginTop: 16 }}>Action plan {review.actionPlanId} is in the tracker.</Text>}
    </article>
  );
}
