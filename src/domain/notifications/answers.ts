import type { NotificationAnswersDto } from '../../contracts/notification';
import { ValidationError } from '../../errors';
import { parseNotificationAnswers } from '../routing';
import { agencyDirectory } from './agency-directory';
import { todayOf, type NotificationDeps } from './deps';

/** An agency a notifier can choose. */
export type AgencyOption = { code: string; name: string };

/** @returns the app's agency list, by name */
export async function listAgencyOptions(deps: NotificationDeps): Promise<AgencyOption[]> {
  const agencies = await agencyDirectory(deps);
  return agencies.map((a) => ({ code: a.code, name: a.name }));
}

/**
 * @param codes the agency codes chosen
 * @param known the app's agency list
 * @returns a message for the first unknown code, or null when all are known
 */
export function unknownAgencyMessage(codes: readonly string[], known: readonly AgencyOption[]): string | null {
  const knownCodes = new Set(known.map((a) => a.code));
  const unknown = codes.filter((c) => !knownCodes.has(c));
  return unknown.length > 0 ? `These agencies are not on the app's list: ${unknown.join(', ')}` : null;
}

/**
 * Validates a full set of answers: the DOMAIN.md schema (today in the board's time zone) and
 * agency codes from the app's list.
 * @param deps the use-case dependencies
 * @param input the raw answers
 * @returns the validated answers
 * @throws ValidationError with `details.fields` [{field, message}]
 */
export async function validateAnswers(deps: NotificationDeps, input: unknown): Promise<NotificationAnswersDto> {
  const answers = parseNotificationAnswers(input, todayOf(deps));
  const message = unknownAgencyMessage(answers.agencies, await listAgencyOptions(deps));
  if (message) {
    throw new ValidationError(message, { fields: [{ field: 'agencies', message }] });
  }
  return answers;
}
