/**
 * The public report form: anyone (a child, a parent, a teacher) reports a concern or asks for a
 * call-back without an account. The report lands queued at the country's desk. Per-address rate
 * limit; a filled honeypot field gets a normal-looking receipt and is dropped.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { publicReportSchema } from '../api/helpline.schemas';
import * as deskRepo from '../db/repos/desk.repo';
import { hitRateLimit } from '../db/repos/rate-limit.repo';
import { EUROPEAN_NUMBERS } from '../domain/helpline/contact-fields';
import { AppError } from '../domain/errors';
import { createContact, generateContactReference } from './contact.service';
import { SYSTEM_ACTOR, type ServiceContext } from './context';
import { loadDeskInfo } from './helpline-cache.service';

type PhoneNumber = { number: string; service: 'missing_children' | 'child_helpline' | 'thb_hotline' | 'desk' };

/** The region-wide free numbers every receipt shows, then the desk's own. */
function numbersFor(desk: deskRepo.DeskRow | undefined): PhoneNumber[] {
  const european: PhoneNumber[] = [
    { number: EUROPEAN_NUMBERS.missingChildren, service: 'missing_children' },
    { number: EUROPEAN_NUMBERS.childHelpline, service: 'child_helpline' },
  ];
  const own = ((desk?.phoneNumbers ?? []) as PhoneNumber[]).filter((n) => !european.some((e) => e.number === n.number));
  return [...european, ...own];
}

/** Receive a report from the public form. `clientKey` is the client address (for the rate limit only). */
export async function submitPublicReport(ctx: ServiceContext, input: z.infer<typeof publicReportSchema>, clientKey: string, requestId: string | null) {
  const limit = await hitRateLimit(ctx.database.db, `public-report:${clientKey}`, 3600);
  if (limit.count > ctx.config.RATE_LIMIT_PUBLIC_REPORTS_PER_HOUR) {
    const retryAfterSeconds = Math.max(1, Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000));
    throw new AppError('RATE_LIMITED', 'Too many reports from this connection. Please call one of the numbers below, or try again later.', { retryAfterSeconds });
  }
  const desks = await deskRepo.listDesks(ctx.database.db);
  const desk = desks.find((d) => d.countryCode === input.countryCode && d.publicIntake);
  if (input.website) {
    ctx.logger.info({ requestId }, 'public report dropped: honeypot field filled');
    return { reference: generateContactReference(input.countryCode, new Date()), countryCode: input.countryCode, phoneNumbers: numbersFor(desk) };
  }
  if (!desk) {
    throw new AppError('VALIDATION_FAILED', 'No desk takes reports for this country yet. Please call one of the numbers below.', { issues: [{ path: 'countryCode', message: 'no desk for this country' }] });
  }
  const deskInfo = await loadDeskInfo(ctx, desk.organisationId);
  const wantsCallback = input.callbackConsent && Boolean(input.callbackPhone);
  const header = { report: 'Public form: report of a concern', callback: 'Public form: call-back requested', question: 'Public form: question' }[input.kind];
  const contact = await createContact(
    ctx,
    { ...SYSTEM_ACTOR, requestId },
    {
      idempotencyKey: `public_${randomUUID().replaceAll('-', '')}`,
      organisationId: desk.organisationId,
      channel: 'web_form',
      direction: 'inbound',
      language: input.language,
      callerType: input.reporterType ?? 'anonymous',
      childAgeBand: input.childAgeBand ?? null,
      region: input.region ?? null,
      notes: `${header}\n\n${input.message}`,
      consentCallback: wantsCallback,
      callbackPhone: wantsCallback ? (input.callbackPhone ?? null) : null,
      complete: false,
    },
    { source: 'public_form', status: 'queued', operatorUserId: null },
    deskInfo,
  );
  return { reference: contact.reference, countryCode: input.countryCode, phoneNumbers: numbersFor(desk) };
}
