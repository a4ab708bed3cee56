/**
 * A valid example body for each REST route that takes one (key: "METHOD /path/:param"), which the
 * fuzzer mutates field by field. Routes missing here are fuzzed with wholly hostile bodies only.
 */
export const VALID_BODIES: Record<string, unknown> = {
  'POST /dev/token': { userId: 'fuzz-user', name: 'Fuzz User', agency: 'POLICE', roles: ['practitioner'] },
  'POST /api/notifications': {
    incidentDate: '2026-10-28', subjectAgeYears: 9, abuseOrNeglect: true, died: false, seriousHarm: true,
    concernsAboutWorkingTogether: true, learningPotential: true, agencies: ['POLICE'], summary: 'Fuzz summary',
  },
  'POST /api/notifications/recommend': {
    incidentDate: '2026-10-28', subjectAgeYears: 9, abuseOrNeglect: false, died: false, seriousHarm: false,
    concernsAboutWorkingTogether: false, learningPotential: true, agencies: ['POLICE', 'LA-CSC'], summary: 'Fuzz',
  },
  'POST /api/notifications/:reference/decision': { action: 'change', route: 'NO_REVIEW', reason: 'Fuzz reason', expectedVersion: 1 },
  'POST /api/audits': { theme: 'Neglect', title: 'Fuzz audit', periodStart: '2025-01-01', agencies: ['POLICE'], cases: ['C-01'] },
  'PATCH /api/audits/:id': { title: 'Renamed', status: 'in_progress' },
  'POST /api/audits/:id/cases': { caseRef: 'F-01', grades: { assessment: 'good' }, whatWorkedWell: 'Early help' },
  'PATCH /api/audits/:id/cases/:caseId': { grades: { assessment: 'inadequate' }, notes: 'Note' },
  'POST /api/audits/:id/action-plan': { recommendations: ['Share the learning'] },
  'POST /api/focus-groups': { auditId: 1, startsAt: '2030-01-01T10:00:00Z', durationMinutes: 60, capacity: 5, location: 'Room' },
  'PATCH /api/focus-groups/:id': { capacity: 20, open: false },
  'POST /api/focus-groups/:id/signups': { role: 'Social worker', agency: 'POLICE', accessNeeds: 'None' },
  'PATCH /api/actions/:id': { version: 1, status: 'amber', note: 'Fuzz note', evidence: { text: 'Report', links: ['https://example.org/r'] } },
  'POST /api/plans': {
    sourceType: 'audit', sourceRef: 'FUZZ-1', title: 'Fuzz plan',
    recommendations: [{ text: 'Fuzz recommendation', actions: [{ leadAgency: 'POLICE', description: 'Fuzz action', targetDate: '2030-01-31' }] }],
  },
  'POST /api/plans/:id/recommendations': { text: 'Fuzz recommendation', actions: [{ leadAgency: 'POLICE', description: 'Fuzz action', targetDate: '2030-01-31' }] },
  'POST /api/recommendations/:id/actions': { actions: [{ leadAgency: 'POLICE', ownerPersonId: 5, description: 'Fuzz action', targetDate: '2030-01-31' }] },
  'POST /api/reviews': { type: 'CASE_REVIEW_1', title: 'Fuzz review', agencies: ['POLICE', 'LA-CSC'], startsOn: '2026-11-02' },
  'PATCH /api/reviews/:id': { version: 1, status: 'in_progress', title: 'Renamed review', leadReviewer: { name: 'Independent Reviewer', agency: null, independent: true } },
  'POST /api/reviews/:id/panel': { aadObjectId: 'dev-panel-member', panelRole: 'Chair', agency: 'ICB', email: 'chair@board.example' },
  'POST /api/reviews/:id/info-reports': { agency: 'POLICE', contactAadId: 'dev-agency-lead-police', dueDate: '2031-01-10' },
  'PATCH /api/reviews/:id/info-reports/:reportId': { received: true },
  'PATCH /api/reviews/:id/milestones/:code': { targetDate: '2031-01-10', reason: 'Fuzz reason', done: false, version: 1 },
  'POST /api/reviews/:id/meetings': {
    kind: 'panel', date: '2031-03-04', time: '10:00', durationMinutes: 90, location: 'Room', agenda: 'Agenda',
    attendees: [{ email: 'guest@board.example', name: 'Guest' }],
  },
  'PATCH /api/reviews/:id/meetings/:meetingId': { startsAt: '2031-03-05T10:00:00Z', durationMinutes: 60, location: 'Room 2', title: 'Renamed meeting' },
  'DELETE /api/reviews/:id/meetings/:meetingId': { message: 'Cancelled' },
  'POST /api/reviews/:id/meeting-suggestions': { from: '2031-03-03', to: '2031-03-07', durationMinutes: 60, maxSuggestions: 5 },
  'POST /api/reviews/:id/action-plan': { title: 'Fuzz plan', recommendations: [{ text: 'Share the learning', actions: [{ leadAgency: 'POLICE', description: 'Fuzz action', targetDate: '2030-01-31' }] }] },
};
