import { describe, expect, it } from 'vitest';
import { KB_LANGUAGES } from '../../../src/domain/knowledge/knowledge-fields';
import { fillLabel, getAlertLabels } from '../../../src/http/public/alert-labels';

describe('child-alert labels', () => {
  it('every language has every label, non-empty, with the same placeholders as English', () => {
    const en = getAlertLabels('en');
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const lang of KB_LANGUAGES) {
      const l = getAlertLabels(lang);
      expect(Object.keys(l).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(l)) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
        expect(placeholders(value), `${lang}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
      if (lang !== 'en') expect(l.photoAlt, lang).not.toBe(en.photoAlt);
    }
  });

  it('fills placeholders', () => {
    expect(fillLabel('Alert issued by {authority}', { authority: 'X' })).toBe('Alert issued by X');
    expect(fillLabel('{n} years old', { n: 7 })).toBe('7 years old');
  });
});
