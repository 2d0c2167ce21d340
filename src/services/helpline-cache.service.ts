/**
 * Read-mostly helpline data kept in memory for the hot path of logging a contact: the current
 * taxonomy version (published versions never change, so their codes are cached for good; which
 * version is current is re-read every few seconds, so a publish on another node is seen quickly) and
 * desk settings (hours, time zone, country).
 */
import type { Database, Db } from '../db/database';
import * as deskRepo from '../db/repos/desk.repo';
import * as orgRepo from '../db/repos/organisation.repo';
import * as taxonomyRepo from '../db/repos/taxonomy.repo';
import { indexCodes, type TaxonomyCode, type TaxonomyModule } from '../domain/helpline/taxonomy';
import type { OpeningHours } from '../domain/helpline/contact-rules';
import { AppError } from '../domain/errors';
import type { ServiceContext } from './context';

const CURRENT_TTL_MS = 5_000;
const DESK_TTL_MS = 30_000;

/** A taxonomy version ready for validation. */
export interface LoadedTaxonomy {
  version: number;
  codes: TaxonomyCode[];
  index: Map<string, TaxonomyCode>;
}

/** What logging a contact needs to know about its desk. */
export interface DeskInfo {
  organisationId: string;
  countryCode: string;
  timeZone: string;
  openingHours: OpeningHours;
}

interface Caches {
  current: { at: number; version: number } | null;
  versions: Map<number, LoadedTaxonomy>;
  desks: Map<string, { at: number; desk: DeskInfo }>;
}

const caches = new WeakMap<Database, Caches>();

function cachesOf(database: Database): Caches {
  let c = caches.get(database);
  if (!c) {
    c = { current: null, versions: new Map(), desks: new Map() };
    caches.set(database, c);
  }
  return c;
}

/** Map stored code rows to domain codes. */
export function toTaxonomyCodes(rows: taxonomyRepo.TaxonomyCodeRow[]): TaxonomyCode[] {
  return rows.map((r) => ({
    code: r.code,
    parentCode: r.parentCode,
    module: r.module as TaxonomyModule,
    countryCode: r.countryCode,
    mapsTo: r.mapsTo,
    labels: r.labels as Record<string, string>,
    sort: r.sort,
    active: r.active,
  }));
}

/**
 * A published version's codes (cached: published versions never change). Inside a transaction pass
 * it as `db` (PGlite has one connection: a query outside the open transaction would wait for it).
 */
export async function loadPublishedTaxonomy(ctx: ServiceContext, version: number, db: Db = ctx.database.db): Promise<LoadedTaxonomy> {
  const c = cachesOf(ctx.database);
  const hit = c.versions.get(version);
  if (hit) return hit;
  const codes = toTaxonomyCodes(await taxonomyRepo.listCodes(db, version));
  const loaded = { version, codes, index: indexCodes(codes) };
  c.versions.set(version, loaded);
  return loaded;
}

/** The version new contacts are recorded with. */
export async function loadCurrentTaxonomy(ctx: ServiceContext, db: Db = ctx.database.db): Promise<LoadedTaxonomy> {
  const c = cachesOf(ctx.database);
  const now = Date.now();
  if (!c.current || now - c.current.at > CURRENT_TTL_MS) {
    const row = await taxonomyRepo.findCurrentVersion(db);
    if (!row) throw new AppError('TAXONOMY_VERSION_NOT_FOUND', 'No taxonomy version is published.');
    c.current = { at: now, version: row.version };
  }
  return loadPublishedTaxonomy(ctx, c.current.version, db);
}

/** Forget which version is current (after a publish on this node). */
export function forgetCurrentTaxonomy(database: Database): void {
  cachesOf(database).current = null;
}

/** A desk's settings; an organisation without desk settings answers around the clock in UTC. */
export async function loadDeskInfo(ctx: ServiceContext, organisationId: string, db: Db = ctx.database.db): Promise<DeskInfo> {
  const c = cachesOf(ctx.database);
  const now = Date.now();
  const hit = c.desks.get(organisationId);
  if (hit && now - hit.at < DESK_TTL_MS) return hit.desk;
  const row = await deskRepo.findDesk(db, organisationId);
  let desk: DeskInfo;
  if (row) {
    desk = { organisationId, countryCode: row.countryCode, timeZone: row.timeZone, openingHours: row.openingHours as OpeningHours };
  } else {
    const org = await orgRepo.findOrganisation(db, organisationId);
    if (!org) throw new AppError('ORGANISATION_NOT_FOUND', 'The desk does not exist.');
    desk = { organisationId, countryCode: org.countryCode, timeZone: 'UTC', openingHours: {} };
  }
  c.desks.set(organisationId, { at: now, desk });
  return desk;
}

/** Forget cached desk settings (after an edit). */
export function forgetDesks(database: Database): void {
  cachesOf(database).desks.clear();
}
