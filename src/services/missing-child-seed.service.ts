/**
 * Demo missing-child cases (invented children, never real people), created through the real use-cases
 * as the demo staff would: a girl feared abducted in Greece (with a drawn placeholder photo), a runaway
 * boy in Romania who was found, and a child missing in migration in Bulgaria referred to Romania.
 */
import { consentInputSchema } from '../api/cases.schemas';
import { missingReportCreateSchema } from '../api/missing-children.schemas';
import { recordConsent } from './case.service';
import { drawDemoSilhouettePng } from './alert-demo-photo';
import { uploadDocument } from './case-document.service';
import { getCase } from './case-read.service';
import { actOnMissingReport, openMissingChildCase, referMissingChildAbroad, setMissingPhoto } from './missing-child.service';
import type { ServiceContext } from './context';
import { loadDemoActor } from './demo-actor';

const HOUR = 3_600_000;

/** Create the demo missing-child cases; returns their case ids (newest first). */
export async function seedDemoMissingChildren(ctx: ServiceContext, ids: { orgIds: Map<string, string>; userIds: Map<string, string> }): Promise<string[]> {
  const supervisorGr = await loadDemoActor(ctx, ids.userIds, 'supervisor.gr@victor.example');
  const caseManagerRo = await loadDemoActor(ctx, ids.userIds, 'casemanager.ro@victor.example');
  // Helpline operators read cases but do not open them (cases.write); the Bulgarian desk's demo case is
  // opened for it by the regional coordinator, whose scope covers the region.
  const regional = await loadDemoActor(ctx, ids.userIds, 'regional@victor.example');
  const nadja = ids.orgIds.get('nadja');
  const roDesk = ids.orgIds.get('sc-ro');
  if (!supervisorGr || !caseManagerRo) return [];
  const now = Date.now();
  const created: string[] = [];

  // 1. BG: a child missing in migration, referred to the Romanian 116 000 desk.
  if (regional && nadja) {
    const bg = await openMissingChildCase(
      ctx,
      regional,
      missingReportCreateSchema.parse({
        organisationId: nadja,
        reportedAt: new Date(now - 30 * HOUR).toISOString(),
        child: { givenName: 'Samir', familyName: 'Demo', ageYears: 14, gender: 'male', nationality: 'AF', languages: ['ps'] },
        missingType: 'missing_migration',
        lastSeen: { at: new Date(now - 40 * HOUR).toISOString(), place: 'Reception centre, Harmanli (demo)', country: 'BG', lat: 41.93, lon: 25.9, circumstances: 'Left the reception centre at night with two older boys; said he wanted to reach his uncle in Germany (demo).' },
        description: 'Slim, short black hair, green hooded jacket, grey trainers (demo).',
        police: { reported: true, at: new Date(now - 30 * HOUR).toISOString(), reference: 'DEMO-BG-1182' },
        suspectedCountries: ['RS'],
      }),
    );
    created.push(bg.caseId);
    const caseVersion = (await getCase(ctx, regional, bg.caseId)).version;
    await recordConsent(ctx, regional, bg.caseId, consentInputSchema.parse({ given: true, givenBy: 'legal_representative', coversReferral: true, coversTransfer: true, note: 'Given by the appointed representative of the unaccompanied child (demo).', version: caseVersion }));
    if (roDesk) await referMissingChildAbroad(ctx, regional, bg.caseId, { toOrganisationId: roDesk, note: 'He may try to cross into Romania on the way north.' });
  }

  // 2. RO: a runaway boy, found and back home.
  const ro = await openMissingChildCase(
    ctx,
    caseManagerRo,
    missingReportCreateSchema.parse({
      reportedAt: new Date(now - 26 * HOUR).toISOString(),
      child: { givenName: 'Matei', familyName: 'Demo', ageYears: 15, gender: 'male', nationality: 'RO', languages: ['ro'] },
      missingType: 'runaway',
      lastSeen: { at: new Date(now - 28 * HOUR).toISOString(), place: 'Home, Cluj-Napoca (demo)', country: 'RO', circumstances: 'Left after an argument at home, phone switched off (demo).' },
      description: 'Tall, curly brown hair, black hoodie with a white logo (demo).',
      police: { reported: true, at: new Date(now - 25 * HOUR).toISOString(), reference: 'DEMO-CJ-3321' },
    }),
  );
  created.push(ro.caseId);
  await actOnMissingReport(ctx, caseManagerRo, ro.caseId, { action: 'found', foundAt: new Date(now - 4 * HOUR).toISOString(), outcome: 'returned_home', condition: 'unharmed', note: 'Stayed two nights with a friend; a family meeting with the social worker is planned (demo).', version: ro.version });

  // 3. GR: a 12-year-old girl, criminal abduction suspected, reported to the police and in SIS.
  const gr = await openMissingChildCase(
    ctx,
    supervisorGr,
    missingReportCreateSchema.parse({
      reportedAt: new Date(now - 2 * HOUR).toISOString(),
      child: { givenName: 'Ariadne', familyName: 'Demo', ageYears: 12, gender: 'female', nationality: 'GR', languages: ['el', 'en'] },
      missingType: 'criminal_abduction',
      lastSeen: { at: new Date(now - 3 * HOUR).toISOString(), place: 'Near the White Tower, Thessaloniki', country: 'GR', lat: 40.63, lon: 22.95, circumstances: 'Seen getting into a dark blue car with a man she did not know after school (demo).' },
      description: 'About 1.50 m, long brown hair in a ponytail, yellow raincoat, purple school backpack (demo).',
      police: { reported: true, at: new Date(now - 2 * HOUR).toISOString(), reference: 'DEMO-THE-0457' },
      sis: { reported: true, at: new Date(now - 1 * HOUR).toISOString() },
      suspectedCountries: ['MK', 'BG'],
    }),
  );
  created.push(gr.caseId);
  const photo = await uploadDocument(ctx, supervisorGr, gr.caseId, { fileName: 'placeholder-silhouette.png', declaredType: 'image/png', bytes: drawDemoSilhouettePng(), kind: 'identity' });
  await setMissingPhoto(ctx, supervisorGr, gr.caseId, { documentId: photo.id, version: gr.version });

  return created.reverse();
}
