import type { NotificationAnswersDto, RecommendationDto } from '../../contracts/notification';
import { recommend } from '../routing';
import { todayOf, type NotificationDeps } from './deps';
import { validateAnswers } from './answers';

/**
 * Works out the recommendation for validated answers under the configured model.
 * @param deps the use-case dependencies
 * @param answers validated answers
 * @returns the recommendation with its clocks
 */
export function recommendFor(deps: NotificationDeps, answers: NotificationAnswersDto): RecommendationDto {
  const { model, longReviewPeriodMonths, holidays } = deps.routing;
  return recommend(answers, { model, longReviewPeriodMonths, holidays, today: todayOf(deps) });
}

/**
 * "What would this route to?": validates the answers and recommends, writing nothing.
 * @param deps the use-case dependencies
 * @param props the raw answers
 * @returns the recommendation
 * @throws ValidationError for invalid answers
 */
export async function recommendOnly(deps: NotificationDeps, props: { answers: unknown }): Promise<RecommendationDto> {
  return recommendFor(deps, await validateAnswers(deps, props.answers));
}
