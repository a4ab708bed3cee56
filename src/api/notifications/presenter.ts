import type {
  NotificationDto,
  NotificationListDto,
  NotificationSummaryDto,
} from '../../contracts/notification';
import type { NotificationList, NotificationRecord } from '../../domain/notifications';

/** @returns the notification as the API shows it, with the notifier's answers */
export function presentNotification(record: NotificationRecord): NotificationDto {
  const { id: _id, notifierAadId: _notifier, ...dto } = record;
  return dto;
}

/** @returns the notification as a list shows it, without the free-text answers */
export function presentSummary(record: NotificationRecord): NotificationSummaryDto {
  const { answers: _answers, ...dto } = presentNotification(record);
  return dto;
}

/** @returns the `GET /api/notifications` body */
export function presentList(list: NotificationList): NotificationListDto {
  return { items: list.items.map(presentSummary), counts: list.counts, routeOptions: list.routeOptions };
}
