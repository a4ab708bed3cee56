import type { NotificationAnswersDto } from '../../../../../src/contracts/notification';

/**
 * Builds a valid set of answers for a 10-year-old with nothing notifiable, two agencies involved
 * and no learning potential; override what a test is about.
 */
export function buildAnswers(
  overrides: Partial<NotificationAnswersDto> = {}
): NotificationAnswersDto {
  return {
    incidentDate: '2026-02-20',
    awareDate: '2026-03-02',
    subjectAgeYears: 10,
    abuseOrNeglect: false,
    died: false,
    seriousHarm: false,
    concernsAboutWorkingTogether: false,
    learningPotential: false,
    agencies: ['LA-CSC', 'POLICE'],
    summary: 'What happened, in a few lines and without names.',
    ...overrides,
  };
}
