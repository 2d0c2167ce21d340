import { describe, expect, it } from 'vitest';
import { diffText } from '../../../src/services/knowledge-history.service';

describe('diffText', () => {
  it('marks inserted and deleted words, keeping spaces and line breaks', () => {
    const segments = diffText('Call the desk today.\n\nThanks', 'Call the info desk now.\n\nThanks');
    expect(segments.filter((s) => s.op === 'insert').map((s) => s.text.trim()).join(' ')).toContain('info');
    expect(segments.filter((s) => s.op === 'delete').map((s) => s.text).join('')).toContain('today');
    expect(segments.filter((s) => s.op !== 'delete').map((s) => s.text).join('')).toBe('Call the info desk now.\n\nThanks');
    expect(segments.filter((s) => s.op !== 'insert').map((s) => s.text).join('')).toBe('Call the desk today.\n\nThanks');
  });

  it('gives one equal segment for identical texts and nothing for two empty ones', () => {
    expect(diffText('Ίδιο κείμενο', 'Ίδιο κείμενο')).toEqual([{ op: 'equal', text: 'Ίδιο κείμενο' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
  });
});
