import { describe, expect, it } from 'vitest';
import { decodeCaseCursor, encodeCaseCursor, parseCaseReference } from '../../../src/services/case-list.service';

describe('case list query helpers', () => {
  it('recognises case references, padding the number and fixing the letters', () => {
    expect(parseCaseReference('GR-2026-000123')).toBe('GR-2026-000123');
    expect(parseCaseReference('  gr-2026-123 ')).toBe('GR-2026-000123');
    expect(parseCaseReference('Eleni')).toBeNull();
    expect(parseCaseReference('GR-26-1')).toBeNull();
    expect(parseCaseReference('GR-2026-1234567')).toBeNull();
  });

  it('round-trips a cursor with microseconds and refuses made-up ones', () => {
    const c = { openedAt: '2026-11-30T10:11:12.123456Z', id: '0b7c2a52-3f1e-4c51-9d7e-1a2b3c4d5e6f' };
    expect(decodeCaseCursor(encodeCaseCursor(c))).toEqual(c);
    for (const bad of ['', 'nonsense', Buffer.from('2026-11-30|not-a-uuid').toString('base64url'), Buffer.from(`yesterday|${c.id}`).toString('base64url')]) {
      expect(() => decodeCaseCursor(bad)).toThrow(/cursor/);
    }
  });
});
