import type { TranslationStatus } from './knowledge-fields';

/**
 * The editorial workflow of one translation: draft -> in review -> published -> archived.
 * Editing a published translation starts a new draft revision; the published revision stays live until
 * the new one is published. Pure rules; the service checks permissions and scope.
 */
export type ArticleAction = 'edit' | 'submit' | 'withdraw' | 'reject' | 'publish' | 'archive' | 'restore';

/** Statuses an action may start from. */
const FROM: Record<ArticleAction, readonly TranslationStatus[]> = {
  edit: ['draft', 'in_review', 'published', 'archived'],
  submit: ['draft'],
  withdraw: ['in_review'],
  reject: ['in_review'],
  publish: ['in_review'],
  archive: ['draft', 'in_review', 'published'],
  restore: ['archived'],
};

/** The status after an action. Editing always yields a draft (the live revision is untouched). */
const TO: Record<ArticleAction, TranslationStatus> = {
  edit: 'draft',
  submit: 'in_review',
  withdraw: 'draft',
  reject: 'draft',
  publish: 'published',
  archive: 'archived',
  restore: 'draft',
};

/** True when the action is allowed from the status. */
export function canTransition(status: TranslationStatus, action: ArticleAction): boolean {
  return FROM[action].includes(status);
}

/** The next status, or null when the action is not allowed from this status. */
export function nextStatus(status: TranslationStatus, action: ArticleAction): TranslationStatus | null {
  return canTransition(status, action) ? TO[action] : null;
}

/** The actions available from a status (for the editor's buttons; permissions are checked separately). */
export function listActions(status: TranslationStatus): ArticleAction[] {
  return (Object.keys(FROM) as ArticleAction[]).filter((a) => a !== 'edit' && FROM[a].includes(status));
}

/**
 * Four eyes: the reviewer who publishes must not have written the revision under review.
 * `authorIds` are the authors of every revision since the last published one.
 */
export function isIndependentReviewer(reviewerId: string, authorIds: readonly string[]): boolean {
  return !authorIds.includes(reviewerId);
}

/**
 * Review state of an article for the country desk's list: overdue, due soon (within `warningDays`), or
 * flagged (facts to confirm). Dates are ISO `YYYY-MM-DD`.
 */
export function classifyReview(reviewDueOn: string | null, needsReview: boolean, today: string, warningDays: number): 'overdue' | 'due_soon' | 'flagged' | null {
  if (reviewDueOn !== null) {
    if (reviewDueOn < today) return 'overdue';
    const soon = new Date(`${today}T00:00:00Z`);
    soon.setUTCDate(soon.getUTCDate() + warningDays);
    if (reviewDueOn <= soon.toISOString().slice(0, 10)) return 'due_soon';
  }
  return needsReview ? 'flagged' : null;
}
