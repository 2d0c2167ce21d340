import { describe, expect, it } from 'vitest';
import { canTransition, classifyReview, isIndependentReviewer, listActions, nextStatus } from '../../../src/domain/knowledge/article-workflow';
import { TRANSLATION_STATUSES } from '../../../src/domain/knowledge/knowledge-fields';

describe('editorial workflow', () => {
  it('moves draft -> in review -> published -> archived, and back to draft on edit, withdraw, reject or restore', () => {
    expect(nextStatus('draft', 'submit')).toBe('in_review');
    expect(nextStatus('in_review', 'publish')).toBe('published');
    expect(nextStatus('in_review', 'reject')).toBe('draft');
    expect(nextStatus('in_review', 'withdraw')).toBe('draft');
    expect(nextStatus('published', 'archive')).toBe('archived');
    expect(nextStatus('archived', 'restore')).toBe('draft');
    for (const s of TRANSLATION_STATUSES) expect(nextStatus(s, 'edit')).toBe('draft');
  });

  it('refuses skipping review and acting from the wrong status', () => {
    expect(canTransition('draft', 'publish')).toBe(false);
    expect(nextStatus('draft', 'publish')).toBeNull();
    expect(canTransition('published', 'submit')).toBe(false);
    expect(canTransition('published', 'publish')).toBe(false);
    expect(canTransition('archived', 'publish')).toBe(false);
    expect(canTransition('draft', 'reject')).toBe(false);
    expect(canTransition('archived', 'archive')).toBe(false);
  });

  it('lists the buttons of each status (edit is implicit)', () => {
    expect(listActions('draft')).toEqual(['submit', 'archive']);
    expect(listActions('in_review').sort()).toEqual(['archive', 'publish', 'reject', 'withdraw']);
    expect(listActions('published')).toEqual(['archive']);
    expect(listActions('archived')).toEqual(['restore']);
  });

  it('needs a reviewer who wrote none of the revisions under review', () => {
    expect(isIndependentReviewer('r', ['a', 'b'])).toBe(true);
    expect(isIndependentReviewer('a', ['a'])).toBe(false);
    expect(isIndependentReviewer('b', ['a', 'b'])).toBe(false);
    expect(isIndependentReviewer('a', [])).toBe(true);
  });

  it('classifies review dates: overdue, due within the warning window, flagged facts', () => {
    expect(classifyReview('2026-11-29', false, '2026-11-30', 30)).toBe('overdue');
    expect(classifyReview('2026-11-30', false, '2026-11-30', 30)).toBe('due_soon');
    expect(classifyReview('2026-12-30', false, '2026-11-30', 30)).toBe('due_soon');
    expect(classifyReview('2026-12-31', false, '2026-11-30', 30)).toBeNull();
    expect(classifyReview('2026-12-31', true, '2026-11-30', 30)).toBe('flagged');
    expect(classifyReview(null, true, '2026-11-30', 30)).toBe('flagged');
    expect(classifyReview(null, false, '2026-11-30', 30)).toBeNull();
    // Across a month and year end.
    expect(classifyReview('2027-01-15', false, '2026-12-31', 30)).toBe('due_soon');
  });
});
