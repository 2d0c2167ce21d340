import { describe, expect, it } from 'vitest';
import { formatBytes, groupIndicators, localInputToIso, measureDuration, pickEventDetails, sortTasks, statusChangeNeeds } from '../../src/web/features/cases/case-helpers';
import { caseListPath } from '../../src/web/features/cases/cases-api';

describe('measureDuration', () => {
  it('splits a span into days, hours and minutes', () => {
    expect(measureDuration('2026-01-01T00:00:00Z', '2026-01-03T05:07:59Z')).toEqual({ days: 2, hours: 5, minutes: 7 });
  });
  it('is null when an end is missing or comes first', () => {
    expect(measureDuration('2026-01-01T00:00:00Z', null)).toBeNull();
    expect(measureDuration('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z')).toBeNull();
  });
});

describe('sortTasks', () => {
  it('puts open overdue tasks first, then open by due time, then done ones newest first', () => {
    const tasks = [
      { id: 'done-old', overdue: false, dueAt: '2026-01-01T00:00:00Z', doneAt: '2026-01-02T00:00:00Z' },
      { id: 'later', overdue: false, dueAt: '2026-03-01T00:00:00Z', doneAt: null },
      { id: 'overdue', overdue: true, dueAt: '2026-01-05T00:00:00Z', doneAt: null },
      { id: 'sooner', overdue: false, dueAt: '2026-02-01T00:00:00Z', doneAt: null },
      { id: 'done-new', overdue: false, dueAt: '2026-01-01T00:00:00Z', doneAt: '2026-01-09T00:00:00Z' },
    ];
    expect(sortTasks(tasks).map((t) => t.id)).toEqual(['overdue', 'sooner', 'later', 'done-new', 'done-old']);
  });
});

describe('groupIndicators', () => {
  const indicator = (code: string, element: 'recruitment' | 'means' | 'exploitation', appliesTo: 'child' | 'adult' | 'all') => ({ code, element, appliesTo, strength: 'strong' as const, forms: [], label: code, help: null });
  const set = [indicator('M1', 'means', 'adult'), indicator('R1', 'recruitment', 'all'), indicator('E1', 'exploitation', 'child'), indicator('E2', 'exploitation', 'adult')];
  it('keeps the element order and the indicators for a child', () => {
    expect(groupIndicators(set, true).map((g) => [g.element, g.indicators.map((i) => i.code)])).toEqual([
      ['recruitment', ['R1']],
      ['exploitation', ['E1']],
    ]);
  });
  it('offers the adult indicators, means included, for an adult', () => {
    expect(groupIndicators(set, false).map((g) => g.element)).toEqual(['recruitment', 'exploitation', 'means']);
  });
});

describe('statusChangeNeeds', () => {
  it('asks a closure reason to close, and a text only for "other"', () => {
    expect(statusChangeNeeds('active', 'closed', 'assistance_completed')).toEqual({ closureReason: true, reason: false });
    expect(statusChangeNeeds('active', 'closed', 'other')).toEqual({ closureReason: true, reason: true });
  });
  it('asks a reason to reopen', () => {
    expect(statusChangeNeeds('closed', 'active', null)).toEqual({ closureReason: false, reason: true });
    expect(statusChangeNeeds('open', 'active', null)).toEqual({ closureReason: false, reason: false });
  });
});

describe('pickEventDetails', () => {
  it('keeps short known values and drops the rest', () => {
    expect(pickEventDetails({ from: 'open', to: 'active', personId: 'x', note: 'secret', count: 3, priority: 'high' })).toEqual([
      { key: 'from', value: 'open' },
      { key: 'to', value: 'active' },
      { key: 'priority', value: 'high' },
    ]);
  });
});

describe('caseListPath', () => {
  it('repeats multi-value filters and leaves out empty ones', () => {
    expect(caseListPath({ status: ['open', 'active'], priority: [], q: '', assigned: 'me', limit: 25 })).toBe('/api/cases?status=open&status=active&assigned=me&limit=25');
  });
});

describe('formatting', () => {
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
  });
  it('reads datetime-local values', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('not a date')).toBeNull();
    expect(localInputToIso('2026-05-01T10:30')).toMatch(/^2026-05-01T\d\d:30:00\.000Z$/);
  });
});
