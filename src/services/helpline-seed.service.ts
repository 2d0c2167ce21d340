/**
 * Demo helpline data: desks, two local sub-codes, and some weeks of invented contacts so the
 * console, wallboard, KPIs and search have something to show. Written in batches, with one audit
 * entry for the whole seed.
 */
import { randomUUID } from 'node:crypto';
import * as deskRepo from '../db/repos/desk.repo';
import * as taxonomyRepo from '../db/repos/taxonomy.repo';
import { callers, contacts } from '../db/schema';
import { createRandom, DEMO_DESKS, DEMO_NOTES, pickWeighted } from '../db/seed/helpline-demo.data';
import type { Db } from '../db/database';
import type { Action, Channel, Outcome } from '../domain/helpline/contact-fields';
import { computeHandleSeconds, isOutOfHours, stampNotifications } from '../domain/helpline/contact-rules';
import { DEMO_LOCAL_CODES } from '../domain/helpline/taxonomy.data';
import { notesContext } from './contact-changes';
import { generateContactReference } from './contact.service';
import { recordAudit, SYSTEM_ACTOR, type ServiceContext } from './context';
import { getKeyedHasher } from './keyed-hash.service';

const CHANNEL_WEIGHTS: [Channel, number][] = [['phone', 50], ['hotline_116000', 15], ['chat', 15], ['email', 8], ['web_form', 6], ['walk_in', 3], ['social_media', 3]];
const CATEGORY_WEIGHTS: [string, number][] = [
  ['THB.LABOUR', 8], ['THB.SEXUAL', 6], ['THB.BEGGING', 4], ['THB.ONLINE', 5], ['THB.FORCED_MARRIAGE', 2], ['THB.INFORMATION', 10], ['THB.UNSPECIFIED', 3],
  ['MISSING.RUNAWAY', 6], ['MISSING.PARENTAL_ABDUCTION', 2], ['MISSING.MIGRANT', 2],
  ['VIOLENCE.PHYSICAL', 5], ['VIOLENCE.ONLINE_SEXUAL', 4], ['VIOLENCE.BULLYING', 5], ['MENTAL.DISTRESS', 6], ['LIFE.FAMILY', 6],
  ['SERVICES.LEGAL', 5], ['NONCOUNSELLING.ABOUT_HELPLINE', 4],
];

/** Desk rows, local sub-codes and ~`perDesk` contacts per desk over the last 30 days. */
export async function seedHelplineDemo(ctx: ServiceContext, tx: Db, orgIds: Map<string, string>, countryOf: Map<string, string>, operators: Map<string, string>, perDesk = 90, now = new Date()): Promise<number> {
  for (const d of DEMO_DESKS) {
    const orgId = orgIds.get(d.org);
    if (!orgId) continue;
    await deskRepo.upsertDesk(tx, { organisationId: orgId, countryCode: countryOf.get(d.org)!, name: d.name, timeZone: d.timeZone, openingHours: d.openingHours, phoneNumbers: [], publicIntake: d.publicIntake, needsReview: true });
  }
  const current = await taxonomyRepo.findCurrentVersion(tx);
  if (!current) return 0;
  for (const c of DEMO_LOCAL_CODES) {
    const target = await taxonomyRepo.findCode(tx, current.version, c.mapsTo);
    if (target && !(await taxonomyRepo.findCode(tx, current.version, c.code))) {
      await taxonomyRepo.upsertCode(tx, { version: current.version, code: c.code, parentCode: c.mapsTo, module: target.module, countryCode: c.countryCode, mapsTo: c.mapsTo, labels: c.labels, sort: target.sort, active: true });
    }
  }
  const hasher = await getKeyedHasher(ctx, tx);
  const rand = createRandom(20261130);
  let written = 0;
  for (const d of DEMO_DESKS) {
    const orgId = orgIds.get(d.org);
    if (!orgId) continue;
    const country = countryOf.get(d.org)!;
    const rows: (typeof contacts.$inferInsert)[] = [];
    // A few invented repeat callers per desk (numbers in a reserved-looking range, never real).
    const pool = Array.from({ length: 6 }, (_, k) => ({ id: randomUUID(), organisationId: orgId, callerHash: hasher.hashCallerId(`+000 ${d.org} ${k}`), firstContactAt: new Date(now.getTime() - 31 * 86_400_000), lastContactAt: now }));
    await tx.insert(callers).values(pool);
    for (let i = 0; i < perDesk; i += 1) {
      const id = randomUUID();
      const startedAt = new Date(now.getTime() - Math.floor(rand() * 30 * 86_400_000) - 3_600_000);
      const channel = pickWeighted(rand, CHANNEL_WEIGHTS);
      const nonData = rand() < 0.12 ? pickWeighted(rand, [['silent', 3], ['hang_up', 3], ['prank', 2], ['wrong_number', 2]] as const) : null;
      const category = pickWeighted(rand, CATEGORY_WEIGHTS);
      const isThb = !nonData && category.startsWith('THB.');
      const actions: Action[] = nonData ? [] : isThb && rand() < 0.35 ? ['guidance', rand() < 0.5 ? 'police_report' : 'nrm_notification'] : rand() < 0.3 ? ['referral'] : ['guidance'];
      const outcome: Outcome = nonData ? 'non_data' : actions.includes('police_report') ? 'reported_to_police' : actions.includes('referral') || actions.includes('nrm_notification') ? 'referred' : 'information_given';
      const endedAt = new Date(startedAt.getTime() + (nonData ? 20_000 : 120_000 + Math.floor(rand() * 900_000)));
      const notes = nonData ? null : DEMO_NOTES[Math.floor(rand() * DEMO_NOTES.length)]!;
      const stamps = stampNotifications(actions, { policeNotifiedAt: null, nrmNotifiedAt: null }, new Date(endedAt.getTime() + Math.floor(rand() * 3_600_000)));
      rows.push({
        id,
        reference: generateContactReference(country, startedAt),
        organisationId: orgId,
        countryCode: country,
        status: 'completed',
        source: 'console',
        channel,
        direction: 'inbound',
        startedAt,
        endedAt,
        handleSeconds: computeHandleSeconds(startedAt, endedAt),
        language: pickWeighted(rand, [['en', 2], [d.timeZone === 'Europe/Athens' ? 'el' : 'en', 6]] as const),
        callerType: nonData ? null : pickWeighted(rand, [['child', 3], ['parent_relative', 4], ['professional', 3], ['member_of_public', 2], ['anonymous', 2]] as const),
        categories: nonData ? [`NONDATA.${nonData.toUpperCase()}`] : [category],
        isThb,
        informationGiven: isThb ? ['thb_general', 'support_services'] : [],
        actionsTaken: actions,
        outcome,
        nonDataType: nonData,
        notesEnc: notes ? ctx.encryptor.encrypt(notes, notesContext(id)) : null,
        searchTerms: hasher.hashText(notes),
        taxonomyVersion: current.version,
        operatorUserId: operators.get(d.org) ?? null,
        callerId: rand() < 0.2 ? pool[Math.floor(rand() * pool.length)]!.id : null,
        outOfHours: isOutOfHours(startedAt, d.openingHours, d.timeZone),
        completedAt: endedAt,
        ...stamps,
      });
    }
    // The callerSector rule: professionals need a sector.
    for (const r of rows) if (r.callerType === 'professional') r.callerSector = pickWeighted(rand, [['police', 2], ['social', 3], ['education', 3], ['health', 2], ['ngo', 2]] as const);
    await tx.insert(contacts).values(rows);
    written += rows.length;
  }
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'contacts.seeded', entityType: 'contact', details: { seed: 'demo', contacts: written } });
  return written;
}
