/**
 * Invented demo cases, created through the real use-cases as the demo staff would (so every case has its
 * timeline, audit entries, timings and encrypted fields exactly as in real work). Never real people.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { directoryEntries } from '../db/schema';
import { caseCreateSchema, consentInputSchema, screeningInputSchema, taskInputSchema } from '../api/cases.schemas';
import { handoffCreateSchema, referralCreateSchema } from '../api/referrals.schemas';
import type { ServiceContext } from './context';
import { changeCaseStatus, createCase, recordConsent } from './case.service';
import { addNote } from './case-note.service';
import { recordScreening } from './case-screening.service';
import { addTask } from './case-task.service';
import { requestHandoff } from './handoff.service';
import { getCurrentPathway } from './nrm-pathway.service';
import { createReferral } from './referral.service';
import { loadDemoActor } from './demo-actor';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Seed the demo cases (once, right after the demo network was created). */
export async function seedDemoCases(ctx: ServiceContext, ids: { orgIds: Map<string, string>; userIds: Map<string, string> }): Promise<void> {
  const supervisor = await loadDemoActor(ctx, ids.userIds, 'supervisor.gr@victor.example');
  const caseManagerRo = await loadDemoActor(ctx, ids.userIds, 'casemanager.ro@victor.example');
  if (!supervisor || !caseManagerRo) return;
  const now = Date.now();

  // 1. GR: a girl made to beg, screened "clear", referred to the demo police unit with consent.
  const begging = await createCase(
    ctx,
    supervisor,
    caseCreateSchema.parse({
      title: 'Girl begging at a metro station, handing money to an adult',
      summary: 'Reported by a station guard (demo). The girl says she is 14 and came by bus with an "uncle" a month ago.',
      priority: 'high',
      reportedAt: new Date(now - 3 * DAY).toISOString(),
      person: { givenName: 'Mira', familyName: 'Demo', ageYears: 14, gender: 'female', nationality: 'RO', languages: ['ro'] },
    }),
  );
  let version = begging.version;
  version = (await changeCaseStatus(ctx, supervisor, begging.id, { status: 'active', version })).version;
  version = (await recordConsent(ctx, supervisor, begging.id, consentInputSchema.parse({ given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: true, note: 'Given by the appointed guardian (demo).', version }))).version;
  const victim = begging.persons[0];
  await recordScreening(
    ctx,
    supervisor,
    begging.id,
    screeningInputSchema.parse({
      setKey: 'child-thb',
      personId: victim?.id ?? null,
      answers: [
        { code: 'C-REC-01', answer: 'yes', evidence: 'Travelled with a man she calls "uncle", not a relative.' },
        { code: 'C-EXP-04', answer: 'yes', evidence: 'Begs daily and hands the money to him.' },
        { code: 'C-VUL-03', answer: 'yes' },
        { code: 'C-MEA-02', answer: 'unknown' },
      ],
    }),
  );
  await addNote(ctx, supervisor, begging.id, { body: 'First meeting at the day centre with an interpreter. She is tired but calm; a place in a shelter is being arranged.' });
  await addTask(ctx, supervisor, begging.id, taskInputSchema.parse({ kind: 'follow_up', title: 'Call the shelter to confirm the place', dueAt: new Date(now - 6 * HOUR).toISOString() }));
  await addTask(ctx, supervisor, begging.id, taskInputSchema.parse({ title: 'Ask the guardian about school enrolment', dueAt: new Date(now + 2 * DAY).toISOString() }));
  const policeOrg = ids.orgIds.get('gr-police-thb');
  const [police] = policeOrg
    ? await ctx.database.db.select({ id: directoryEntries.id }).from(directoryEntries).where(and(eq(directoryEntries.organisationId, policeOrg), eq(directoryEntries.kind, 'police'), isNull(directoryEntries.archivedAt))).limit(1)
    : [];
  if (police) {
    const pathway = await getCurrentPathway(ctx, supervisor, 'GR').catch(() => null);
    const step = pathway?.steps.find((s) => s.stage === 'identification' && s.actors.some((a) => a.id === police.id));
    await createReferral(
      ctx,
      supervisor,
      begging.id,
      referralCreateSchema.parse({
        directoryEntryId: police.id,
        stepId: step?.id ?? null,
        stage: 'identification',
        personId: victim?.id ?? null,
        urgency: 'urgent',
        message: 'Please assess for formal identification as a child victim of trafficking for forced begging. The adult was seen near the station every morning.',
        receiverLanguage: 'el',
        send: true,
      }),
    );
  }

  // 2. GR: online recruitment for work abroad, concern "possible", handed off to the Romanian desk.
  const online = await createCase(
    ctx,
    supervisor,
    caseCreateSchema.parse({
      title: 'Boy offered a job abroad by an online contact',
      summary: 'A mother called the info-desk: her son (16) was offered summer work in another country by someone he met in a game chat (demo).',
      reportedAt: new Date(now - 8 * DAY).toISOString(),
      person: { givenName: 'Andrei', familyName: 'Demo', ageYears: 16, gender: 'male', nationality: 'RO', languages: ['ro', 'el'] },
    }),
  );
  version = (await recordConsent(ctx, supervisor, online.id, consentInputSchema.parse({ given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: true, version: online.version }))).version;
  await recordScreening(
    ctx,
    supervisor,
    online.id,
    screeningInputSchema.parse({ setKey: 'child-thb', personId: online.persons[0]?.id ?? null, answers: [{ code: 'C-REC-04', answer: 'yes' }, { code: 'C-REC-02', answer: 'yes' }, { code: 'C-EXP-03', answer: 'unknown' }] }),
  );
  const roDesk = ids.orgIds.get('sc-ro');
  if (roDesk) {
    await requestHandoff(ctx, supervisor, online.id, handoffCreateSchema.parse({ toOrganisationId: roDesk, summary: 'The family is moving back to Romania next week; please continue the follow-up there.', personId: online.persons[0]?.id ?? null }));
  }

  // 3. RO: an unaccompanied boy whose age is uncertain — presumed a minor.
  const presumed = await createCase(
    ctx,
    caseManagerRo,
    caseCreateSchema.parse({
      title: 'Unaccompanied boy found at the border crossing, age uncertain',
      priority: 'urgent',
      reportedAt: new Date(now - 20 * HOUR).toISOString(),
      person: { ageBand: 'unknown', ageUncertain: true, mayBeChild: true, gender: 'male', languages: ['uk'] },
    }),
  );
  await addTask(ctx, caseManagerRo, presumed.id, taskInputSchema.parse({ title: 'Arrange an age assessment with the child protection service', dueAt: new Date(now + 1 * DAY).toISOString() }));

  // 4. GR: a closed case, for the statistics of timings.
  const closed = await createCase(ctx, supervisor, caseCreateSchema.parse({ title: 'Information request about a job advert (not trafficking)', priority: 'low', reportedAt: new Date(now - 30 * DAY).toISOString() }));
  version = (await changeCaseStatus(ctx, supervisor, closed.id, { status: 'active', version: closed.version })).version;
  await changeCaseStatus(ctx, supervisor, closed.id, { status: 'closed', closureReason: 'not_trafficking', version });
}
