import { randomUUID } from 'node:crypto';
import * as contactRepo from '../../src/db/repos/contact.repo';
import { upsertDesk } from '../../src/db/repos/desk.repo';
import { findCurrentVersion } from '../../src/db/repos/taxonomy.repo';
import type { OpeningHours } from '../../src/domain/helpline/contact-rules';
import type { ServiceContext } from '../../src/services/context';
import { generateContactReference } from '../../src/services/contact.service';
import { forgetDesks } from '../../src/services/helpline-cache.service';

/** What a desk is made with (the organisation must exist). */
export interface MakeDeskOptions {
  organisationId: string;
  countryCode?: string;
  name?: string;
  timeZone?: string;
  openingHours?: OpeningHours;
  phoneNumbers?: { number: string; service: 'missing_children' | 'child_helpline' | 'thb_hotline' | 'desk' }[];
  publicIntake?: boolean;
}

/** Insert (or replace) the helpline desk of an organisation; forgets cached desk settings. */
export async function makeDesk(ctx: ServiceContext, o: MakeDeskOptions): Promise<void> {
  await upsertDesk(ctx.database.db, {
    organisationId: o.organisationId,
    countryCode: o.countryCode ?? 'GR',
    name: o.name ?? 'Test desk',
    timeZone: o.timeZone ?? 'Europe/Athens',
    openingHours: o.openingHours ?? {},
    phoneNumbers: o.phoneNumbers ?? [],
    publicIntake: o.publicIntake ?? false,
    needsReview: false,
  });
  forgetDesks(ctx.database);
}

/**
 * Insert a contact row directly (for search, wallboard and KPI fixtures with known times). Defaults:
 * a completed GR phone contact of the current taxonomy version, started now, five minutes long.
 */
export async function makeContactRow(ctx: ServiceContext, over: Partial<contactRepo.ContactInsert> & { organisationId: string }): Promise<contactRepo.ContactRow> {
  const startedAt = over.startedAt ?? new Date();
  const version = over.taxonomyVersion ?? (await findCurrentVersion(ctx.database.db))!.version;
  const row = await contactRepo.insertContact(ctx.database.db, {
    id: randomUUID(),
    reference: generateContactReference(over.countryCode ?? 'GR', startedAt),
    countryCode: 'GR',
    status: 'completed',
    source: 'console',
    channel: 'phone',
    direction: 'inbound',
    endedAt: new Date(startedAt.getTime() + 300_000),
    handleSeconds: 300,
    language: 'el',
    callerType: 'child',
    categories: ['VIOLENCE.BULLYING'],
    actionsTaken: ['guidance'],
    outcome: 'information_given',
    completedAt: new Date(startedAt.getTime() + 300_000),
    ...over,
    startedAt,
    taxonomyVersion: version,
  });
  if (!row) throw new Error('contact not inserted');
  return row;
}

/** A fresh idempotency key. */
export const newKey = () => `k_${randomUUID().replaceAll('-', '')}`;

/** Fields that complete a contact (a regional code, one action, an outcome). */
export function completeFields(over: Record<string, unknown> = {}) {
  return {
    language: 'el',
    callerType: 'parent_relative',
    categories: ['THB.LABOUR'],
    actionsTaken: ['guidance'],
    outcome: 'information_given',
    ...over,
  };
}
