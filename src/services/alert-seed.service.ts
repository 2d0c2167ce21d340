/**
 * Demo data for child alerts: country alert settings (flagged for review by the country desks)
 * and a few invented alerts that go through the real use-cases.
 *
 * Production installs get no settings rows: child alerts stay off until a country coordinator
 * configures the country (PUT /api/alert-settings/:country creates the row).
 */
import type { Db } from '../db/database';
import * as alertRepo from '../db/repos/alert.repo';
import { drawDemoSilhouettePng } from './alert-demo-photo';
import { approveAlert, cancelAlert, resolveAlert } from './alert-lifecycle.service';
import { sendPreAlerts } from './alert-pre-alert.service';
import { copyAlertPhotoFromCase, createAlertDraft, uploadAlertPhoto, type AlertDraftInput } from './alert.service';
import type { ServiceContext } from './context';
import { loadDemoActor } from './demo-actor';

const ALL_CRITERIA = ['minor', 'abductionBelieved', 'lifeInDanger', 'enoughInformation', 'noAddedRisk', 'authorityDecision'];
const ENDANGERED_CRITERIA = ['minor', 'lifeInDanger', 'enoughInformation', 'noAddedRisk', 'authorityDecision'];

/** Demo settings per VICTOR partner country: languages and real neighbours; the rest invented (needs review). */
export const DEMO_ALERT_COUNTRIES: readonly { code: string; name: string; languages: string[]; neighbours: string[] }[] = [
  { code: 'GR', name: 'Greece', languages: ['el', 'en'], neighbours: ['AL', 'MK', 'BG', 'TR'] },
  { code: 'BG', name: 'Bulgaria', languages: ['bg', 'en'], neighbours: ['RO', 'RS', 'MK', 'GR', 'TR'] },
  { code: 'RO', name: 'Romania', languages: ['ro', 'en'], neighbours: ['HU', 'RS', 'BG', 'MD', 'UA'] },
  { code: 'SI', name: 'Slovenia', languages: ['sl', 'en'], neighbours: ['HR', 'HU'] },
  { code: 'RS', name: 'Serbia', languages: ['sr', 'en'], neighbours: ['HU', 'RO', 'BG', 'MK', 'ME', 'BA', 'HR'] },
  { code: 'HU', name: 'Hungary', languages: ['hu', 'en'], neighbours: ['SI', 'HR', 'RS', 'RO', 'UA'] },
  { code: 'MD', name: 'Moldova', languages: ['ro', 'ru', 'en'], neighbours: ['RO', 'UA'] },
  { code: 'UA', name: 'Ukraine', languages: ['uk', 'en'], neighbours: ['MD', 'RO', 'HU'] },
];

/** Country alert settings for the demo network, inside the seed transaction. */
export async function seedAlertSettingsDemo(ctx: ServiceContext, tx: Db): Promise<void> {
  void ctx;
  for (const c of DEMO_ALERT_COUNTRIES) {
    await alertRepo.insertSettingsIfMissing(tx, {
      countryCode: c.code,
      enabled: true,
      issuingAuthority: 'Public prosecutor (demo — confirm with the country desk)',
      sender: `alerts.${c.code.toLowerCase()}@victor.example`,
      senderName: `Child alert desk ${c.name} (demo)`,
      criteria: { child_abduction: ALL_CRITERIA, endangered_missing: ENDANGERED_CRITERIA },
      abductionMaxHours: 24,
      endangeredMaxHours: 24,
      extensionHours: 24,
      maxExtensions: 2,
      repeatMinutes: 60,
      hotline: '116000',
      languages: c.languages,
      neighbours: c.neighbours,
      needsReview: true,
    });
  }
}

const HOUR = 3_600_000;
const ALL_TRUE = Object.fromEntries(ALL_CRITERIA.map((k) => [k, true]));

function demoDraft(over: { name: string; age: number; place: string; tier?: AlertDraftInput['tier']; mode?: AlertDraftInput['mode']; caseId?: string | null; hoursAgo?: number }): AlertDraftInput {
  const lastSeenAt = new Date(Date.now() - (over.hoursAgo ?? 3) * HOUR).toISOString();
  const tier = over.tier ?? 'child_abduction';
  return {
    tier,
    mode: over.mode ?? 'actual',
    countryCode: 'GR',
    caseId: over.caseId ?? null,
    content: {
      child: { name: over.name, ageYears: over.age, gender: 'unknown', description: 'About 140 cm, dark hair, red jacket, blue school backpack (invented demo child).' },
      lastSeen: { at: lastSeenAt, place: over.place },
      suspect: tier === 'child_abduction' ? 'Adult man, about 40, grey coat (demo).' : null,
      vehicle: tier === 'child_abduction' ? 'Silver hatchback, Greek plates (demo).' : null,
      texts: {
        el: { headline: `Εξαφάνιση παιδιού: ${over.name}, ${over.age} ετών (επίδειξη)`, description: `Το παιδί εθεάθη τελευταία στην περιοχή ${over.place}.`, instruction: 'Μην προσεγγίσετε τον ύποπτο. Καλέστε αμέσως.' },
        en: { headline: `Missing child: ${over.name}, ${over.age} (demo)`, description: `The child was last seen near ${over.place}.`, instruction: 'Do not approach the suspect. Call at once.' },
      },
    },
    area: { description: `${over.place} and surroundings`, polygons: [], circles: ['40.6401,22.9444 25'], countries: ['GR'] },
    expiresAt: null,
    criteria: tier === 'child_abduction' ? ALL_TRUE : Object.fromEntries(ENDANGERED_CRITERIA.map((k) => [k, true])),
    authority: { name: 'Public prosecutor, Thessaloniki (demo)', reference: 'DEMO-2026-001', decidedAt: new Date(Date.now() - HOUR).toISOString(), person: null },
  };
}

/** Demo alerts through the real use-cases, after the seed transaction (one transaction each). */
export async function seedDemoAlerts(ctx: ServiceContext, ids: { orgIds: Map<string, string>; userIds: Map<string, string>; missingCaseIds: string[] }): Promise<void> {
  const operator = await loadDemoActor(ctx, ids.userIds, 'operator.gr@victor.example');
  const supervisor = await loadDemoActor(ctx, ids.userIds, 'supervisor.gr@victor.example');
  if (!operator || !supervisor) return;
  const photo = async (id: string, hue: number) => uploadAlertPhoto(ctx, operator, id, { declaredType: 'image/png', bytes: drawDemoSilhouettePng(hue) });

  // 1. An issued abduction alert, linked to the first demo missing-child case when there is one.
  let caseId: string | null = null;
  for (const id of ids.missingCaseIds) {
    if ((await alertRepo.findCaseReference(ctx.database.db, id))?.countryCode === 'GR') {
      caseId = id;
      break;
    }
  }
  let issued;
  try {
    issued = await createAlertDraft(ctx, operator, demoDraft({ name: 'Daphne K.', age: 9, place: 'Kalamaria, Thessaloniki', caseId }));
  } catch {
    issued = await createAlertDraft(ctx, operator, demoDraft({ name: 'Daphne K.', age: 9, place: 'Kalamaria, Thessaloniki' }));
  }
  const withPhoto = issued.caseId ? await copyAlertPhotoFromCase(ctx, operator, issued.id).catch(() => photo(issued.id, 0)) : await photo(issued.id, 0);
  const live = await approveAlert(ctx, supervisor, issued.id, { version: withPhoto.version, issueNow: true });
  await sendPreAlerts(ctx, supervisor, live.id, { countries: ['BG'], note: 'Suspect may be heading to the Kulata border crossing (demo).' });

  // 2. A resolved alert (child found; redacted).
  const found = await createAlertDraft(ctx, operator, demoDraft({ name: 'Nikos P.', age: 12, place: 'Piraeus port', tier: 'endangered_missing', hoursAgo: 30 }));
  const f1 = await photo(found.id, 1);
  const f2 = await approveAlert(ctx, supervisor, found.id, { version: f1.version, issueNow: true });
  await resolveAlert(ctx, supervisor, found.id, { version: f2.version, note: 'Found safe with relatives (demo).' });

  // 3. A drill (exercise): the whole chain runs, never public.
  const drill = await createAlertDraft(ctx, operator, demoDraft({ name: 'Exercise Child', age: 10, place: 'Larissa', mode: 'exercise' }));
  const d1 = await photo(drill.id, 2);
  await approveAlert(ctx, supervisor, drill.id, { version: d1.version, issueNow: true });

  // 4. A draft awaiting approval.
  const draft = await createAlertDraft(ctx, operator, demoDraft({ name: 'Sofia M.', age: 7, place: 'Patras centre', hoursAgo: 1 }));
  await photo(draft.id, 0);

  // 5. A withdrawn draft (drafted in error).
  const withdrawn = await createAlertDraft(ctx, operator, demoDraft({ name: 'Test Entry', age: 11, place: 'Volos', tier: 'endangered_missing' }));
  await cancelAlert(ctx, operator, withdrawn.id, { version: withdrawn.version, reason: 'Drafted twice by mistake (demo).' });
}
