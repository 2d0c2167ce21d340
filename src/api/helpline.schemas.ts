/**
 * Helpline desks, the supervisor's wallboard, KPIs, the public report form and the signed channel
 * integrations (telephony, e-mail gateway).
 */
import { z } from 'zod';
import { CHANNELS, LIMITS, PUBLIC_REPORT_KINDS, CHILD_AGE_BANDS } from '../domain/helpline/contact-fields';
import { countryCodeSchema, localeSchema } from './common.schemas';

const isoDate = z.iso.datetime({ offset: true });

export const phoneNumberSchema = z.object({ number: z.string(), service: z.enum(['missing_children', 'child_helpline', 'thb_hotline', 'desk']) });

export const deskSchema = z.object({
  organisationId: z.uuid(),
  countryCode: countryCodeSchema,
  name: z.string(),
  timeZone: z.string(),
  openingHours: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
  phoneNumbers: z.array(phoneNumberSchema),
  publicIntake: z.boolean(),
  needsReview: z.boolean(),
});
export type DeskView = z.infer<typeof deskSchema>;

/** What the public form shows for a country: where reports go and which numbers to call. */
export const publicDeskSchema = z.object({ countryCode: countryCodeSchema, countryName: z.string(), deskName: z.string(), phoneNumbers: z.array(phoneNumberSchema), needsReview: z.boolean() });

export const wallboardQuerySchema = z.object({ organisationId: z.uuid().optional() }).strict();

export const wallboardSchema = z.object({
  organisationId: z.uuid().nullable(),
  day: z.string(),
  timeZone: z.string(),
  generatedAt: z.string(),
  total: z.number().int(),
  completed: z.number().int(),
  thb: z.number().int(),
  nonData: z.number().int(),
  queued: z.number().int(),
  openDrafts: z.number().int(),
  byChannelHour: z.array(z.object({ channel: z.enum(CHANNELS), hour: z.number().int().min(0).max(23), count: z.number().int() })),
  operatorsOnDuty: z.array(z.object({ userId: z.uuid(), displayName: z.string(), openDrafts: z.number().int(), handledToday: z.number().int() })),
  longestOpenDraft: z.object({ contactId: z.uuid(), reference: z.string(), startedAt: z.string(), operatorName: z.string().nullable() }).nullable(),
});
export type WallboardView = z.infer<typeof wallboardSchema>;

export const kpiQuerySchema = z
  .object({ from: isoDate, to: isoDate, organisationId: z.uuid().optional(), countryCode: countryCodeSchema.optional() })
  .strict()
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] });

export const kpiSchema = z.object({
  from: z.string(),
  to: z.string(),
  offered: z.number().int(),
  handled: z.number().int(),
  abandoned: z.number().int(),
  byChannel: z.array(z.object({ channel: z.enum(CHANNELS), offered: z.number().int(), handled: z.number().int(), avgHandleSeconds: z.number().nullable() })),
  avgHandleSeconds: z.number().nullable(),
  medianHandleSeconds: z.number().nullable(),
  thbReports: z.number().int(),
  thbShare: z.number().nullable(),
  nonData: z.number().int(),
  nonDataShare: z.number().nullable(),
  outOfHours: z.number().int(),
  outOfHoursShare: z.number().nullable(),
  policeNotified: z.number().int(),
  medianMinutesToPolice: z.number().nullable(),
  nrmNotified: z.number().int(),
  medianMinutesToNrm: z.number().nullable(),
});
export type KpiView = z.infer<typeof kpiSchema>;

/** POST /api/public/reports: anonymous; nothing identifying is required. `website` is a honeypot. */
export const publicReportSchema = z
  .object({
    countryCode: countryCodeSchema,
    language: localeSchema,
    kind: z.enum(PUBLIC_REPORT_KINDS),
    reporterType: z.enum(['child', 'parent_relative', 'professional', 'member_of_public']).optional(),
    childAgeBand: z.enum(CHILD_AGE_BANDS).optional(),
    region: z.string().trim().max(LIMITS.region).optional(),
    message: z.string().trim().min(1).max(LIMITS.publicMessage),
    callbackPhone: z.string().trim().regex(/^\+?[\d\s().-]{5,30}$/, 'a phone number').optional(),
    callbackConsent: z.boolean().default(false),
    website: z.string().max(200).optional(),
  })
  .strict()
  .refine((r) => r.kind !== 'callback' || (r.callbackPhone && r.callbackConsent), {
    message: 'a call-back needs a number and your consent to keep it',
    path: ['callbackPhone'],
  });

export const publicReportReceiptSchema = z.object({
  reference: z.string(),
  countryCode: countryCodeSchema,
  phoneNumbers: z.array(phoneNumberSchema),
});

/** A signed event from a phone system or chat gateway. */
export const telephonyEventSchema = z
  .object({
    event: z.enum(['call.started', 'call.answered', 'call.ended']),
    callId: z.string().min(1).max(120),
    channel: z.enum(['phone', 'hotline_116000', 'chat', 'sms', 'social_media']).default('phone'),
    direction: z.enum(['inbound', 'outbound']).default('inbound'),
    /** Caller's number or chat id; hashed on arrival, never stored. */
    callerId: z.string().min(3).max(200).optional(),
    at: isoDate,
    /** The operator who took the call, by sign-in e-mail (screen-pop goes to them). */
    operatorEmail: z.email().optional(),
    answered: z.boolean().optional(),
  })
  .strict();

/** A received e-mail, posted by the mail gateway. */
export const inboundEmailSchema = z
  .object({
    messageId: z.string().min(1).max(300),
    from: z.string().min(3).max(320),
    subject: z.string().max(500).default(''),
    text: z.string().max(LIMITS.notes),
    receivedAt: isoDate,
    language: z.string().regex(/^[a-z]{2,3}$/).optional(),
  })
  .strict();

export const integrationAckSchema = z.object({ contactId: z.uuid(), reference: z.string(), status: z.string(), duplicate: z.boolean() });

export const integrationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['telephony', 'email']),
  name: z.string(),
  organisationId: z.uuid(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});
export const integrationCreateSchema = z.object({ kind: z.enum(['telephony', 'email']), name: z.string().trim().min(2).max(100), organisationId: z.uuid() }).strict();
/** The signing secret is shown once, at creation. */
export const integrationCreatedSchema = integrationSchema.extend({ secret: z.string() });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
/** PUT /api/admin/desks/:organisationId: a desk's settings (opening hours empty = around the clock). */
export const deskUpsertSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    timeZone: z.string().refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as Europe/Athens'),
    openingHours: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(z.tuple([hhmm, hhmm]).refine(([a, b]) => a < b, 'opening before closing')).max(4)),
    phoneNumbers: z.array(z.object({ number: z.string().trim().regex(/^\+?[\d\s()-]{3,30}$/), service: z.enum(['missing_children', 'child_helpline', 'thb_hotline', 'desk']) })).max(10),
    publicIntake: z.boolean(),
    needsReview: z.boolean(),
  })
  .strict();
