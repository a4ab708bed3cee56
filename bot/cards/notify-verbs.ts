/** `Action.Submit` verbs of the chat notification flow (cards and handlers share them). */
export const NOTIFY_VERBS = {
  next: 'notify.next',
  back: 'notify.back',
  cancel: 'notify.cancel',
  submit: 'notify.submit',
  resume: 'notify.resume',
  restart: 'notify.restart',
} as const;

/** `Action.Execute` verbs of the business unit's triage card. */
export const TRIAGE_VERBS = {
  refresh: 'notification.refresh',
  accept: 'notification.accept',
  change: 'notification.change',
  requestInfo: 'notification.request_info',
} as const;

/** Input ids of the triage card. */
export const TRIAGE_INPUTS = { route: 'route', reason: 'reason', message: 'message' } as const;
