import { In, type DataSource, type EntityManager } from 'typeorm';

import { ConflictError } from '../../errors';
import { Review } from '../entities/review.entity';
import { ReviewInfoReport } from '../entities/review-info-report.entity';
import { ReviewMeeting } from '../entities/review-meeting.entity';
import { ReviewMilestone } from '../entities/review-milestone.entity';
import { ReviewPanelMember } from '../entities/review-panel-member.entity';
import { isUniqueViolation } from '../unique-violation';

/** A new review's columns (id, version and timestamps are set here). */
export type NewReview = Omit<Review, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'actionPlanId'>;

/** A review with its parts. */
export type ReviewParts = {
  review: Review;
  panel: ReviewPanelMember[];
  infoReports: ReviewInfoReport[];
  milestones: ReviewMilestone[];
  meetings: ReviewMeeting[];
};

/** Stored reviews and their panels, information reports, milestones and meetings. */
export class ReviewRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Inserts a review with its milestones.
   * @returns the stored review
   * @throws ConflictError `{reason: 'duplicate'}` when the notification already has a review
   */
  async insert(row: NewReview, milestones: Omit<ReviewMilestone, 'id' | 'reviewId'>[], at: Date): Promise<Review> {
    const repo = this.db.getRepository(Review);
    const entity = repo.create({ ...row, actionPlanId: null, version: 1, createdAt: at, updatedAt: at });
    try {
      await repo.insert(entity);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictError('This notification already has a review', { reason: 'duplicate' });
      }
      throw err;
    }
    await this.replaceMilestones(entity.id, milestones);
    return entity;
  }

  /** Deletes a review's milestones and inserts these. */
  async replaceMilestones(reviewId: number, milestones: Omit<ReviewMilestone, 'id' | 'reviewId'>[]): Promise<void> {
    const repo = this.db.getRepository(ReviewMilestone);
    await repo.delete({ reviewId });
    if (milestones.length > 0) {
      await repo.insert(milestones.map((m) => ({ ...m, reviewId })));
    }
  }

  /** @returns the review, or null */
  async find(id: number): Promise<Review | null> {
    return this.db.getRepository(Review).findOne({ where: { id } });
  }

  /** @returns the review opened from a notification, or null */
  async findByNotification(notificationId: number): Promise<Review | null> {
    return this.db.getRepository(Review).findOne({ where: { notificationId } });
  }

  /**
   * Bumps the version (and, given, other columns) if it is still `expectedVersion`; the first write
   * of a change, so it holds the review's row (SQLite's write lock) until the commit.
   * @param expectedVersion the version the change was made on; omit to change whatever is current
   * @returns whether the row was updated
   */
  async touch(id: number, at: Date, set: Partial<Review> = {}, expectedVersion?: number): Promise<boolean> {
    const qb = this.db
      .createQueryBuilder()
      .update(Review)
      .set({ ...set, version: () => 'version + 1', updatedAt: at })
      .where('id = :id', { id });
    if (expectedVersion !== undefined) {
      qb.andWhere('version = :version', { version: expectedVersion });
    }
    return (await qb.execute()).affected === 1;
  }

  /**
   * @param filter only reviews with these ids (a panel member's), and/or in this status
   * @returns reviews, newest first
   */
  async list(filter: { ids?: number[]; status?: string } = {}): Promise<Review[]> {
    if (filter.ids && filter.ids.length === 0) {
      return [];
    }
    return this.db.getRepository(Review).find({
      where: { ...(filter.ids ? { id: In(filter.ids) } : {}), ...(filter.status ? { status: filter.status } : {}) },
      order: { id: 'DESC' },
    });
  }

  /** @returns the ids of reviews a person sits on the panel of or leads */
  async idsFor(aadObjectId: string): Promise<number[]> {
    const panel = await this.db.getRepository(ReviewPanelMember).find({ where: { aadObjectId }, select: { reviewId: true } });
    const led = await this.db.getRepository(Review).find({ where: { leadReviewerAadId: aadObjectId }, select: { id: true } });
    return [...new Set([...panel.map((p) => p.reviewId), ...led.map((r) => r.id)])];
  }

  /** @returns the reviews with their parts, in the order given */
  async parts(reviews: Review[]): Promise<ReviewParts[]> {
    const ids = reviews.map((r) => r.id);
    if (ids.length === 0) {
      return [];
    }
    const where = { reviewId: In(ids) };
    const [panel, infoReports, milestones, meetings] = await Promise.all([
      this.db.getRepository(ReviewPanelMember).find({ where, order: { id: 'ASC' } }),
      this.db.getRepository(ReviewInfoReport).find({ where, order: { dueDate: 'ASC', id: 'ASC' } }),
      this.db.getRepository(ReviewMilestone).find({ where, order: { targetDate: 'ASC', id: 'ASC' } }),
      this.db.getRepository(ReviewMeeting).find({ where, order: { startsAt: 'ASC', id: 'ASC' } }),
    ]);
    return reviews.map((review) => ({
      review,
      panel: panel.filter((p) => p.reviewId === review.id),
      infoReports: infoReports.filter((p) => p.reviewId === review.id),
      milestones: milestones.filter((p) => p.reviewId === review.id),
      meetings: meetings.filter((p) => p.reviewId === review.id),
    }));
  }

  /**
   * Adds a panel member.
   * @throws ConflictError `{reason: 'duplicate'}` when they already sit on the panel
   */
  async addPanelMember(row: Omit<ReviewPanelMember, 'id'>): Promise<ReviewPanelMember> {
    const repo = this.db.getRepository(ReviewPanelMember);
    const entity = repo.create(row);
    try {
      await repo.insert(entity);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictError('That person already sits on this panel', { reason: 'duplicate' });
      }
      throw err;
    }
    return entity;
  }

  /** @returns whether a panel member of this review was removed */
  async removePanelMember(reviewId: number, memberId: number): Promise<boolean> {
    const result = await this.db.getRepository(ReviewPanelMember).delete({ id: memberId, reviewId });
    return (result.affected ?? 0) > 0;
  }

  /** @returns the review's panel, oldest first */
  async panel(reviewId: number): Promise<ReviewPanelMember[]> {
    return this.db.getRepository(ReviewPanelMember).find({ where: { reviewId }, order: { id: 'ASC' } });
  }

  /**
   * Asks an agency for an information report.
   * @throws ConflictError `{reason: 'duplicate'}` when the agency was already asked
   */
  async addInfoReport(row: Omit<ReviewInfoReport, 'id'>): Promise<ReviewInfoReport> {
    const repo = this.db.getRepository(ReviewInfoReport);
    const entity = repo.create(row);
    try {
      await repo.insert(entity);
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new ConflictError('That agency was already asked for an information report', { reason: 'duplicate' });
      }
      throw err;
    }
    return entity;
  }

  /** @returns an information report of the review, or null */
  async findInfoReport(reviewId: number, id: number): Promise<ReviewInfoReport | null> {
    return this.db.getRepository(ReviewInfoReport).findOne({ where: { id, reviewId } });
  }

  /** Saves a changed information report. */
  async saveInfoReport(entity: ReviewInfoReport): Promise<void> {
    await this.db.getRepository(ReviewInfoReport).save(entity);
  }

  /** Saves a changed milestone. */
  async saveMilestone(entity: ReviewMilestone): Promise<void> {
    await this.db.getRepository(ReviewMilestone).save(entity);
  }

  /** Saves a changed meeting. */
  async saveMeeting(entity: ReviewMeeting): Promise<void> {
    await this.db.getRepository(ReviewMeeting).save(entity);
  }

  /** @returns a milestone of the review, or null */
  async findMilestone(reviewId: number, code: string): Promise<ReviewMilestone | null> {
    return this.db.getRepository(ReviewMilestone).findOne({ where: { reviewId, code } });
  }

  /** Inserts a meeting. */
  async insertMeeting(row: Omit<ReviewMeeting, 'id'>): Promise<ReviewMeeting> {
    const repo = this.db.getRepository(ReviewMeeting);
    const entity = repo.create(row);
    await repo.insert(entity);
    return entity;
  }

  /** @returns the review's meetings, earliest first */
  async meetings(reviewId: number): Promise<ReviewMeeting[]> {
    return this.db.getRepository(ReviewMeeting).find({ where: { reviewId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  /** @returns a meeting of the review, or null */
  async findMeeting(reviewId: number, id: number): Promise<ReviewMeeting | null> {
    return this.db.getRepository(ReviewMeeting).findOne({ where: { id, reviewId } });
  }
}
