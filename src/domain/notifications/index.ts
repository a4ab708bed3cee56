export { businessUnitMemberIds, MAX_REFRESH_USERS } from './business-unit';
export { listAgencyOptions, validateAnswers, type AgencyOption } from './answers';
export {
  assertMayNotify,
  createNotification,
  formatReference,
  NOTIFIER_ROLES,
  type CreateNotificationProps,
  type CreateNotificationResult,
} from './create-notification';
export {
  decideNotification,
  DecisionInputSchema,
  MAX_DECISION_TEXT,
  type DecideNotificationProps,
  type DecisionInput,
} from './decide-notification';
export { isoDateIn, nowOf, todayOf, type NotificationDeps, type RoutingSettings } from './deps';
export {
  DraftRefusedError,
  type DraftContext,
  type DraftRef,
  type DraftRefusal,
  type DraftState,
} from './draft-guard';
export {
  DRAFT_STEPS,
  isDraftStep,
  STEP_FIELDS,
  type DraftAnswers,
  type DraftStep,
  type FieldErrors,
  type FormStep,
  type FormValues,
} from './draft-steps';
export { getNotification, loadNotification, REFERENCE_PATTERN } from './get-notification';
export { listNotifications, READ_ALL_ROLES, routeOptions, type NotificationList } from './list-notifications';
export {
  beginNotification,
  cancelDraft,
  goBackDraft,
  restartDraft,
  resumeDraft,
  saveDraftStep,
  submitDraft,
  type BeginResult,
  type InvalidStep,
} from './notification-drafts';
export { pipelineOrder, routeOption, type NotificationRecord } from './records';
export { recommendOnly } from './recommend-only';
