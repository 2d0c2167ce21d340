import { describe, expect, it } from 'vitest';
import type { ReferralView } from '../../../src/api/referrals.schemas';
import { renderReferralPacket, resolveFontDir } from '../../../src/services/referral-packet.service';

const view: ReferralView = {
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-000000000002',
  caseReference: 'GR-2026-000042',
  organisation: { id: '00000000-0000-4000-8000-000000000003', name: 'Το Χαμόγελο του Παιδιού' },
  countryCode: 'GR',
  stage: 'identification',
  step: { id: '00000000-0000-4000-8000-000000000004', title: 'Αναγνώριση', pathwayVersion: 1 },
  actor: { id: '00000000-0000-4000-8000-000000000005', name: 'Police Anti-Trafficking Unit Athens (demo)', kind: 'police', city: 'Athens', organisationId: '00000000-0000-4000-8000-000000000006', inApp: true, languages: ['el', 'en'] },
  receiverLanguage: 'el',
  status: 'sent',
  urgency: 'urgent',
  message: 'Παρακαλούμε αξιολογήστε — Просим оценить — Просимо оцінити.',
  person: { givenName: 'Мария', familyName: 'Костова', ageYears: null, ageBand: '12-14', presumedMinor: true, gender: 'female', nationality: 'BG', languages: ['bg', 'ru'] },
  concernLevel: 'clear',
  forms: ['begging', 'criminal_activities'],
  consent: { snapshot: { given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: false, recordedAt: '2026-03-01T10:00:00.000Z', recordedBy: null, note: null }, overridden: true, overrideReason: 'Άμεσος κίνδυνος.', overriddenBy: { id: '00000000-0000-4000-8000-000000000007', displayName: 'Supervisor' } },
  slaHours: 24,
  dueAt: '2026-03-02T10:00:00.000Z',
  overdue: false,
  sentAt: '2026-03-01T10:00:00.000Z',
  acknowledgedAt: null,
  acceptedAt: null,
  declinedAt: null,
  completedAt: null,
  revokedAt: null,
  actions: [],
  side: 'receiver',
  events: [],
  createdBy: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  version: 2,
};
const contact = { name: 'Το Χαμόγελο του Παιδιού', city: 'Αθήνα', phones: [{ number: '+30 000 000 0001', label: 'Desk' }], email: 'desk@example.org', preparedBy: { displayName: 'Ελένη', email: 'eleni@example.org' } };

describe('the referral packet PDF', () => {
  it('finds the DejaVu fonts', () => {
    expect(resolveFontDir()).toMatch(/dejavu-fonts-ttf[/\\]ttf$/);
  });

  for (const lang of ['el', 'bg', 'ru', 'uk', 'sr', 'en'] as const) {
    it(`renders in ${lang} (Greek and Cyrillic text included)`, async () => {
      const pdf = await renderReferralPacket({ view, contact, lang, generatedAt: new Date('2026-03-01T11:00:00Z') });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.subarray(-6).toString()).toContain('%%EOF');
      // The TrueType font is embedded (a subset), not a standard font without Greek or Cyrillic.
      expect(pdf.toString('latin1')).toMatch(/DejaVuSans/);
    });
  }

  it('renders without a person, consent, message or deadline', async () => {
    const bare = { ...view, person: null, consent: null, message: null, dueAt: null, concernLevel: null, forms: [], step: null, actor: { ...view.actor, inApp: false } };
    const pdf = await renderReferralPacket({ view: bare, contact: { ...contact, phones: [], email: null, preparedBy: null }, lang: 'hu', generatedAt: new Date() });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
