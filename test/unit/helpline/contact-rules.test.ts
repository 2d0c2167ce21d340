import { describe, expect, it } from 'vitest';
import { checkCompletion, computeHandleSeconds, extractSearchWords, isOutOfHours, normaliseCallerId, stampNotifications, type ContactForCompletion, type OpeningHours } from '../../../src/domain/helpline/contact-rules';

/** A contact that passes every completion rule; tests change one thing at a time. */
function complete(over: Partial<ContactForCompletion> = {}): ContactForCompletion {
  return {
    channel: 'phone',
    direction: 'inbound',
    startedAt: new Date('2026-03-02T10:00:00Z'),
    endedAt: new Date('2026-03-02T10:05:00Z'),
    language: 'el',
    callerType: 'child',
    callerSector: null,
    categories: ['THB.LABOUR'],
    actionsTaken: ['guidance'],
    outcome: 'information_given',
    nonDataType: null,
    consentCallback: false,
    hasCallbackPhone: false,
    ...over,
  };
}
const paths = (c: ContactForCompletion, problems: string[] = []) => checkCompletion(c, problems).map((i) => i.path);

describe('checkCompletion', () => {
  it('accepts a full contact', () => {
    expect(checkCompletion(complete(), [])).toEqual([]);
  });

  it('lists every missing field of an empty contact at once', () => {
    const empty = complete({ language: null, callerType: null, categories: [], actionsTaken: [], outcome: null });
    expect(paths(empty).sort()).toEqual(['actionsTaken', 'callerType', 'categories', 'language', 'outcome']);
  });

  it('needs only the type for a non-data contact, and its outcome must be non_data', () => {
    const silent = complete({ nonDataType: 'silent', language: null, callerType: null, categories: [], actionsTaken: [], outcome: null });
    expect(checkCompletion(silent, [])).toEqual([]);
    expect(paths({ ...silent, outcome: 'non_data' })).toEqual([]);
    expect(paths({ ...silent, outcome: 'resolved' })).toEqual(['outcome']);
    expect(paths(complete({ outcome: 'non_data' }))).toContain('nonDataType');
  });

  it('needs the sector of a professional caller, and only of one', () => {
    expect(paths(complete({ callerType: 'professional' }))).toEqual(['callerSector']);
    expect(paths(complete({ callerType: 'professional', callerSector: 'police' }))).toEqual([]);
    expect(paths(complete({ callerType: 'child', callerSector: 'health' }))).toEqual(['callerSector']);
  });

  it('needs the police action for a "reported to police" outcome', () => {
    expect(paths(complete({ outcome: 'reported_to_police' }))).toEqual(['actionsTaken']);
    expect(paths(complete({ outcome: 'reported_to_police', actionsTaken: ['police_report'] }))).toEqual([]);
  });

  it('needs a transfer or referral action for a transfer', () => {
    expect(paths(complete({ outcome: 'transferred' }))).toEqual(['actionsTaken']);
    expect(paths(complete({ outcome: 'transferred', actionsTaken: ['transfer_116000'] }))).toEqual([]);
    expect(paths(complete({ outcome: 'transferred', actionsTaken: ['referral'] }))).toEqual([]);
  });

  it('needs a number for an arranged call-back with consent', () => {
    expect(paths(complete({ consentCallback: true, actionsTaken: ['callback_arranged'] }))).toEqual(['callbackPhone']);
    expect(paths(complete({ consentCallback: true, hasCallbackPhone: true, actionsTaken: ['callback_arranged'] }))).toEqual([]);
  });

  it('refuses an end before the start and passes category problems through', () => {
    expect(paths(complete({ endedAt: new Date('2026-03-02T09:00:00Z') }))).toEqual(['endedAt']);
    const issues = checkCompletion(complete(), ['X is not in this taxonomy version']);
    expect(issues).toEqual([{ path: 'categories', message: 'X is not in this taxonomy version' }]);
  });
});

describe('handle time and notification stamps', () => {
  it('counts whole seconds and never goes negative', () => {
    expect(computeHandleSeconds(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T10:02:30.400Z'))).toBe(150);
    expect(computeHandleSeconds(new Date('2026-01-01T10:00:00Z'), null)).toBeNull();
    expect(computeHandleSeconds(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T09:00:00Z'))).toBe(0);
  });

  it('stamps police and NRM once, keeps earlier stamps, clears removed actions', () => {
    const t1 = new Date('2026-01-01T10:00:00Z');
    const t2 = new Date('2026-01-01T11:00:00Z');
    const first = stampNotifications(['police_report'], { policeNotifiedAt: null, nrmNotifiedAt: null }, t1);
    expect(first).toEqual({ policeNotifiedAt: t1, nrmNotifiedAt: null });
    expect(stampNotifications(['police_report', 'nrm_notification'], first, t2)).toEqual({ policeNotifiedAt: t1, nrmNotifiedAt: t2 });
    expect(stampNotifications(['guidance'], first, t2)).toEqual({ policeNotifiedAt: null, nrmNotifiedAt: null });
  });
});

describe('isOutOfHours', () => {
  const weekdays: OpeningHours = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '13:00'], ['14:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] };

  it('is never out of hours for a desk open around the clock', () => {
    expect(isOutOfHours(new Date('2026-03-01T03:00:00Z'), {}, 'Europe/Athens')).toBe(false);
  });

  it('reads the weekday and time in the desk time zone', () => {
    // Monday 2 March 2026, Athens is UTC+2 in winter.
    expect(isOutOfHours(new Date('2026-03-02T07:00:00Z'), weekdays, 'Europe/Athens')).toBe(false); // 09:00 local
    expect(isOutOfHours(new Date('2026-03-02T06:59:00Z'), weekdays, 'Europe/Athens')).toBe(true); // 08:59 local
    expect(isOutOfHours(new Date('2026-03-02T15:00:00Z'), weekdays, 'Europe/Athens')).toBe(true); // 17:00 local: end is exclusive
    expect(isOutOfHours(new Date('2026-03-02T15:00:00Z'), weekdays, 'Europe/London')).toBe(false); // 15:00 in London
    // Sunday 22:30 UTC is already Monday 00:30 in Athens: closed either way, but a Monday.
    expect(isOutOfHours(new Date('2026-03-01T22:30:00Z'), { mon: [['00:00', '01:00']] }, 'Europe/Athens')).toBe(false);
    expect(isOutOfHours(new Date('2026-03-01T22:30:00Z'), { mon: [['00:00', '01:00']] }, 'UTC')).toBe(true);
  });

  it('knows closed days and lunch breaks', () => {
    expect(isOutOfHours(new Date('2026-03-07T10:00:00Z'), weekdays, 'Europe/Athens')).toBe(true); // Saturday
    expect(isOutOfHours(new Date('2026-03-04T11:30:00Z'), weekdays, 'Europe/Athens')).toBe(true); // Wednesday 13:30
    expect(isOutOfHours(new Date('2026-03-04T12:30:00Z'), weekdays, 'Europe/Athens')).toBe(false); // Wednesday 14:30
  });

  it('follows summer time (Athens UTC+3 after the last Sunday of March)', () => {
    // Monday 30 March 2026 06:30 UTC = 09:30 EEST (open); the same UTC time in winter would be 08:30.
    expect(isOutOfHours(new Date('2026-03-30T06:30:00Z'), weekdays, 'Europe/Athens')).toBe(false);
    expect(isOutOfHours(new Date('2026-03-23T06:30:00Z'), weekdays, 'Europe/Athens')).toBe(true);
  });
});

describe('normaliseCallerId', () => {
  it('gives one text for the same number however it is written', () => {
    const forms = ['+30 691 234 5678', '0030 691 234 5678', '+30-691-234-5678', ' +30 (691) 234.5678 ', '+306912345678'];
    expect(new Set(forms.map((f) => normaliseCallerId(f)))).toEqual(new Set(['tel:306912345678']));
  });

  it('keeps different numbers apart', () => {
    expect(normaliseCallerId('+30 691 234 5678')).not.toBe(normaliseCallerId('+30 691 234 5679'));
  });

  it('lower-cases and trims chat ids and e-mail addresses', () => {
    expect(normaliseCallerId('  Chat:User-42 ')).toBe(normaliseCallerId('chat:user-42'));
    expect(normaliseCallerId('Someone@Example.ORG')).toBe('id:someone@example.org');
    expect(normaliseCallerId('chat:1234')).not.toBe(normaliseCallerId('1234 5'));
    expect(normaliseCallerId('Maria P <Someone@Example.org>')).toBe('id:someone@example.org');
  });

  it('completes national numbers with the desk country’s calling code, dropping a trunk 0', () => {
    expect(normaliseCallerId('691 234 5678', 'GR')).toBe('tel:306912345678');
    expect(normaliseCallerId('0888 123 456', 'BG')).toBe('tel:359888123456');
    expect(normaliseCallerId('+359 888 123 456', 'GR')).toBe('tel:359888123456');
    expect(normaliseCallerId('0040 721 000 000', 'BG')).toBe('tel:40721000000');
    expect(normaliseCallerId('0721 000 000', 'RO')).toBe('tel:40721000000');
  });
});

describe('extractSearchWords', () => {
  it('folds case and accents, keeps Greek and Cyrillic letters', () => {
    expect(extractSearchWords('Café SÉRIEUX')).toEqual(['cafe', 'serieux']);
    expect(extractSearchWords('Παιδί στην Αθήνα')).toEqual(['παιδι', 'στην', 'αθηνα']);
    expect(extractSearchWords('Дете в София')).toEqual(['дете', 'софия']);
    expect(extractSearchWords('ΑΘΗΝΑ')).toEqual(extractSearchWords('αθήνα'));
  });

  it('drops words under three letters and repeats; splits on punctuation', () => {
    expect(extractSearchWords('a to the farm, the FARM; on-site 42 123')).toEqual(['the', 'farm', 'site', '123']);
    expect(extractSearchWords('')).toEqual([]);
  });
});
