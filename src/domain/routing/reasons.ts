/**
 * The plain-words reason each routing rule adds. Ages appear only as bands (under 18, 16 or 17,
 * 18 or over) so a reason never narrows down who the child is.
 */
export const REASONS = {
  domesticAbuseDeath16or17:
    'The young person who died was 16 or 17 and the death appears to have resulted from ' +
    'domestic abuse. A Serious Case Review leads, and the domestic abuse is fully considered ' +
    'inside it.',
  domesticAbuseDeath16or17Current:
    'The young person who died was 16 or 17 and the death appears to have resulted from ' +
    'domestic abuse. The partners should agree with the Community Safety Partnership whether a ' +
    'Domestic Homicide Review is also needed.',
  domesticAbuseDeathAdult:
    'The person who died was 18 or over and the death appears to have resulted from domestic ' +
    'abuse, so the Community Safety Partnership leads a Domestic Homicide Review.',
  boardJoinsDhr:
    'Children lived in the household, so the board takes part in the Domestic Homicide Review.',
  boardNotInDhr:
    'No children were recorded as living in the household, so the board need not take part in ' +
    'the Domestic Homicide Review.',
  diedInCustody:
    'A child died in custody or while detained, which always needs a Serious Case Review.',
  scrChildDied:
    'Abuse or neglect is known or suspected and the child died, which meets the Serious Case ' +
    'Review criteria.',
  scrChildHarmed:
    'Abuse or neglect is known or suspected, the child was seriously harmed and there is concern ' +
    'about how agencies worked together, which meets the Serious Case Review criteria.',
  scrNotMetNoAbuse:
    'Abuse or neglect is not known or suspected, so the Serious Case Review criteria are not met.',
  scrNotMetNoConcern:
    'The child was seriously harmed but there is no concern about how agencies worked together, ' +
    'so the Serious Case Review criteria are not met.',
  scrNotMetNoHarm:
    'The child did not die and was not seriously harmed, so the Serious Case Review criteria ' +
    'are not met.',
  rapidReviewDied:
    'A child died and abuse or neglect is known or suspected. This is a serious incident, so the ' +
    'safeguarding partners hold a rapid review to decide whether a local child safeguarding ' +
    'practice review should follow.',
  rapidReviewHarmed:
    'A child was seriously harmed and abuse or neglect is known or suspected. This is a serious ' +
    'incident, so the safeguarding partners hold a rapid review to decide whether a local child ' +
    'safeguarding practice review should follow.',
  rapidReviewCustody:
    'A child died in custody or while detained. This is a serious incident, so the safeguarding ' +
    'partners hold a rapid review.',
  rapidReviewNotMetNoAbuse:
    'Abuse or neglect is not known or suspected, so this is not a serious incident needing a ' +
    'rapid review.',
  rapidReviewNotMetNoHarm:
    'The child did not die and was not seriously harmed, so this is not a serious incident ' +
    'needing a rapid review.',
  adultOutsideRemit:
    "The person was 18 or over at the incident, so the case is outside the children's board's " +
    "remit and no children's review applies.",
  learningPotential:
    'The case can teach agencies about working together, so the board should hold a ' +
    'non-statutory learning review.',
  oneAgency: 'Only one agency was involved, so an Individual Agency Report fits best.',
  clearThemes: 'The case shows clear themes, so a Thematic Enquiry fits best.',
  smallGroup:
    'A small group of key workers could draw out the learning, so Case Review Model 2 fits best.',
  shortPeriod: 'The period to review is short, so a Learning Lessons Review fits best.',
  noLearningPotential:
    'No lessons about how agencies work together were identified, so no learning review is ' +
    'recommended.',
  childDied: 'A child died, and the Child Death Overview Panel reviews every child death.',
} as const;

/** @returns the reason Case Review Model 1 fits: the review period is longer than the threshold */
export function longPeriodReason(months: number, thresholdMonths: number): string {
  return (
    `The review would look at ${months} months, more than the ${thresholdMonths}-month ` +
    'threshold for a long period, so Case Review Model 1 fits best.'
  );
}

/** @returns the reason a case is notifiable, naming who must be told and by when */
export function notifiableReason(grounds: string[], recipient: string, deadline: string): string {
  return (
    `The case is notifiable because ${grounds.join(' and ')}, so the local authority must ` +
    `notify ${recipient} within ${deadline} of becoming aware.`
  );
}
