import type { NotificationAnswersDto } from '../../src/contracts/notification';

/**
 * Valid answers for `POST /api/notifications`: a 9-year-old seriously harmed, abuse suspected,
 * concern about how agencies worked together (an SCR under the 2015 model). Override per test.
 */
export function buildNotificationAnswers(overrides: Partial<NotificationAnswersDto> = {}): NotificationAnswersDto {
  return {
    incidentDate: '2026-10-28',
    awareDate: '2026-11-02',
    subjectAgeYears: 9,
    abuseOrNeglect: true,
    died: false,
    seriousHarm: true,
    concernsAboutWorkingTogether: true,
    learningPotential: true,
    agencies: ['POLICE', 'LA-CSC'],
    summary: 'Admitted to hospital with injuries; police and social care involved.',
    ...overrides,
  };
}

/** Answers with no statutory route and no learning potential (recommendation: no review). */
export function buildNoReviewAnswers(overrides: Partial<NotificationAnswersDto> = {}): NotificationAnswersDto {
  return buildNotificationAnswers({
    abuseOrNeglect: false,
    seriousHarm: false,
    concernsAboutWorkingTogether: false,
    learningPotential: false,
    ...overrides,
  });
}
