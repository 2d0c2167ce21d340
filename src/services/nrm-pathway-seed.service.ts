/**
 * Demo NRM pathways: for each VICTOR partner country with demo directory entries, a published version 1
 * of the demo outline whose steps name the country's entries serving each stage. Flagged for the country
 * desk's review. Also makes sure the demo police unit in Greece (organisation `gr-police-thb`) is in the
 * directory, so referrals to it reach its liaison officer in the app.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import { insertEntry } from '../db/repos/directory.repo';
import * as repo from '../db/repos/nrm-pathway.repo';
import { DEMO_DIRECTORY_COUNTRIES } from '../db/seed/directory.data';
import { DEMO_GR_POLICE_ENTRY, DEMO_PATHWAY_NOTES, DEMO_PATHWAY_STAGES, DEMO_PATHWAY_TITLES } from '../db/seed/nrm-pathways.data';
import { KB_LANGUAGES } from '../domain/knowledge/knowledge-fields';
import { recordAudit, SYSTEM_ACTOR, type ServiceContext } from './context';
import { insertPathwayVersion } from './nrm-pathway.service';

/** The directory entry of the demo police unit (inserted when no police entry links its organisation). */
async function ensureGreekPoliceEntry(tx: Db, orgIds: Map<string, string>): Promise<string | null> {
  const orgId = orgIds.get(DEMO_GR_POLICE_ENTRY.orgKey);
  if (!orgId) return null;
  const existing = (await repo.listCountryActorEntries(tx, 'GR')).find((e) => e.organisationId === orgId && e.kind === 'police');
  if (existing) return existing.id;
  const id = randomUUID();
  await insertEntry(
    tx,
    id,
    {
      kind: 'police',
      countryCode: 'GR',
      organisationId: orgId,
      name: DEMO_GR_POLICE_ENTRY.name,
      localName: null,
      descriptions: { en: DEMO_GR_POLICE_ENTRY.description },
      phones: [{ number: DEMO_GR_POLICE_ENTRY.phone, label: 'Demo number' }],
      email: null,
      website: null,
      city: DEMO_GR_POLICE_ENTRY.city,
      address: null,
      hours: null,
      aroundTheClock: true,
      languages: ['el', 'en'],
      operator: null,
      nrmStages: ['identification', 'proceedings'],
      audience: 'internal',
      needsReview: true,
    },
    null,
  );
  await recordAudit(tx, SYSTEM_ACTOR, { action: 'knowledge.directory.created', entityType: 'directory_entry', entityId: id, organisationId: orgId, countryCode: 'GR', details: { seed: 'demo' } });
  return id;
}

/** Seed demo NRM pathways (one per VICTOR country, flagged for the country desk's review). */
export async function seedNrmPathwaysDemo(ctx: ServiceContext, tx: Db, ids: { orgIds: Map<string, string>; userIds: Map<string, string> }): Promise<number> {
  void ctx;
  const policeId = await ensureGreekPoliceEntry(tx, ids.orgIds);
  let seeded = 0;
  for (const country of DEMO_DIRECTORY_COUNTRIES) {
    const entries = await repo.listCountryActorEntries(tx, country.code);
    if (entries.length === 0) continue;
    if ((await repo.listPathways(tx, country.code)).length > 0) continue;
    const steps = DEMO_PATHWAY_STAGES.map((s) => {
      let actorIds = entries.filter((e) => e.nrmStages.includes(s.stage)).map((e) => e.id);
      // The in-app police unit comes first where it serves (Greek identification).
      if (country.code === 'GR' && policeId && actorIds.includes(policeId)) actorIds = [policeId, ...actorIds.filter((a) => a !== policeId)];
      return { stage: s.stage, titles: pickLanguages(s.titles), descriptions: pickLanguages(s.descriptions), slaHours: s.slaHours, actorIds };
    });
    const row = await insertPathwayVersion(
      tx,
      { countryCode: country.code, titles: pickLanguages(DEMO_PATHWAY_TITLES) as { en: string }, notes: DEMO_PATHWAY_NOTES, steps },
      { version: 1, status: 'published', createdBy: null, needsReview: true },
    );
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'nrm_pathway.published', entityType: 'nrm_pathway', entityId: row.id, countryCode: country.code, details: { seed: 'demo', version: 1, steps: steps.length } });
    seeded += 1;
  }
  return seeded;
}

/** Only the interface languages (the contract's titles are keyed by locale). */
function pickLanguages(texts: Record<string, string>): Partial<Record<(typeof KB_LANGUAGES)[number], string>> {
  return Object.fromEntries(KB_LANGUAGES.filter((l) => texts[l]).map((l) => [l, texts[l]!]));
}
