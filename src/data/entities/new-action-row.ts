import type { Action } from './action.entity';

/** What a new action starts from; every other column starts empty. */
export type NewActionProps = {
  recommendation: { id: number; planId: number };
  leadAgencyId: number;
  ownerPersonId: number | null;
  description: string;
  targetDate: string;
  status: string;
  createdAt: Date;
};

/** @returns the row of a new action: no revision, override, progress, evidence or sign-off yet; version 1 */
export function newActionRow(p: NewActionProps): Omit<Action, 'id'> {
  return {
    recommendationId: p.recommendation.id,
    planId: p.recommendation.planId,
    leadAgencyId: p.leadAgencyId,
    ownerPersonId: p.ownerPersonId,
    description: p.description,
    targetDate: p.targetDate,
    revisedTargetDate: null,
    revisedTargetReason: null,
    dueDate: p.targetDate,
    status: p.status,
    ruleStatus: p.status,
    overrideStatus: null,
    overrideReason: null,
    overrideByPersonId: null,
    overrideAt: null,
    progressNote: null,
    lastProgressAt: null,
    evidenceText: null,
    evidenceLinksJson: null,
    completionProposedAt: null,
    completionProposedByPersonId: null,
    signedOffByPersonId: null,
    signedOffAt: null,
    version: 1,
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
  };
}
