import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import * as repo from '../db/repos/legal-instrument.repo';
import { LEGAL_INSTRUMENTS, initialStatusOf } from '../db/seed/legal-instruments.data';

/**
 * Load the reference legal instruments (international, Council of Europe, EU) and a status row for each
 * network country. Idempotent and runs at every start: instruments are inserted by slug only when absent
 * and status rows only when missing, so nothing a desk edited or confirmed is ever overwritten. Country
 * statuses start unknown (or not applicable for EU directives outside the EU), flagged for review; no
 * ratification date is seeded.
 */
export async function ensureLegalInstruments(tx: Db): Promise<void> {
  await repo.insertInstrumentsIfAbsent(
    tx,
    LEGAL_INSTRUMENTS.map((i) => ({
      id: randomUUID(),
      slug: i.slug,
      kind: i.kind,
      countryCode: null,
      title: i.title,
      shortTitle: i.shortTitle,
      reference: i.reference,
      year: i.year,
      adoptedOn: i.adoptedOn,
      inForceOn: i.inForceOn,
      officialUrl: i.officialUrl,
      summaries: i.summaries as Record<string, string>,
      topics: i.topics,
      needsReview: false,
    })),
  );
  const countries = await repo.listCountryCodes(tx);
  const ids = await repo.mapInstrumentIdsBySlug(tx, LEGAL_INSTRUMENTS.map((i) => i.slug));
  const statuses = LEGAL_INSTRUMENTS.flatMap((seed) => {
    const instrumentId = ids.get(seed.slug);
    return instrumentId ? countries.map((countryCode) => ({ instrumentId, countryCode, status: initialStatusOf(seed.kind, countryCode), needsReview: true })) : [];
  });
  await repo.insertStatusesIfAbsent(tx, statuses);
}
