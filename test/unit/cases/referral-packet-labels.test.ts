import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/api/common.schemas';
import { NRM_STAGES } from '../../../src/domain/knowledge/knowledge-fields';
import { CONCERN_LEVELS, EXPLOITATION_FORMS } from '../../../src/domain/cases/screening';
import { GENDERS, CONSENT_GIVERS } from '../../../src/api/cases.schemas';
import { PACKET_LABELS, packetLabels } from '../../../src/services/referral-packet.labels';

describe('referral packet labels', () => {
  const keys = Object.keys(PACKET_LABELS.en).sort();

  it('has every key, non-empty, in all nine languages', () => {
    expect(Object.keys(PACKET_LABELS).sort()).toEqual([...LOCALES].sort());
    for (const lang of LOCALES) {
      expect(Object.keys(PACKET_LABELS[lang]).sort(), lang).toEqual(keys);
      for (const k of keys) expect(PACKET_LABELS[lang][k as keyof typeof PACKET_LABELS.en].trim().length, `${lang}.${k}`).toBeGreaterThan(0);
    }
  });

  it('covers every coded value the packet prints', () => {
    const needed = [
      ...NRM_STAGES.map((s) => `stage.${s}`),
      ...EXPLOITATION_FORMS.map((f) => `form.${f}`),
      ...CONCERN_LEVELS.map((c) => `concern.${c}`),
      ...GENDERS.map((g) => `gender.${g}`),
      ...CONSENT_GIVERS.map((g) => `giver.${g}`),
      'urgency.normal',
      'urgency.urgent',
    ];
    for (const k of needed) expect(keys, k).toContain(k);
  });

  it('is translated, not copied from English (sentences differ in every other language)', () => {
    for (const lang of LOCALES.filter((l) => l !== 'en')) {
      for (const k of ['title', 'confidential', 'consentOverride', 'requestedAction', 'replyInApp'] as const) {
        expect(PACKET_LABELS[lang][k], `${lang}.${k}`).not.toBe(PACKET_LABELS.en[k]);
      }
    }
    expect(PACKET_LABELS.el.title).toMatch(/[α-ω]/);
    expect(PACKET_LABELS.ru.title).toMatch(/[а-я]/);
    expect(PACKET_LABELS.sr.title).toMatch(/^[\p{Script=Latin}\s—]+$/u);
  });

  it('falls back to English for an unknown language', () => {
    expect(packetLabels('xx')).toBe(PACKET_LABELS.en);
  });
});
