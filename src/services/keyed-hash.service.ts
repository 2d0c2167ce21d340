/**
 * Keyed hashes for values Victor must recognise but must not keep: callers' phone numbers and chat
 * ids (repeat-caller matching) and the words of encrypted notes (search). The key (a random
 * "pepper") lives in the settings table, encrypted with the field-encryption key, so it is the same
 * on every app node and survives key rotation; a database dump without the encryption key cannot
 * test guesses against the hashes.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Database, Db } from '../db/database';
import { readSetting } from '../db/repos/settings.repo';
import { settings } from '../db/schema';
import { extractSearchWords, normaliseCallerId } from '../domain/helpline/contact-rules';
import type { ServiceContext } from './context';

const PEPPER_SETTING = 'hashing.pepper';
const PEPPER_CONTEXT = 'settings.hashing.pepper';

/** Hash functions bound to the instance's pepper. */
export interface KeyedHasher {
  /** Hex HMAC of a normalised phone number / chat id / e-mail address (national numbers completed for `countryCode`). */
  hashCallerId(raw: string, countryCode?: string | null): string;
  /** Short HMAC of one normalised word. */
  hashTerm(word: string): string;
  /** Hashed terms of a free text (notes, region), for indexing. */
  hashText(...texts: (string | null | undefined)[]): string[];
}

const cache = new WeakMap<Database, Promise<KeyedHasher>>();

function makeHasher(pepper: Buffer): KeyedHasher {
  const mac = (domain: string, value: string) => createHmac('sha256', pepper).update(domain).update('\n').update(value);
  const hashTerm = (word: string) => mac('term', word).digest('base64url').slice(0, 12);
  return {
    hashCallerId: (raw, countryCode) => mac('caller', normaliseCallerId(raw, countryCode)).digest('hex'),
    hashTerm,
    hashText: (...texts) => [...new Set(texts.flatMap((t) => (t ? extractSearchWords(t) : [])))].map(hashTerm),
  };
}

async function loadHasher(ctx: ServiceContext, db: Db): Promise<KeyedHasher> {
  let stored = await readSetting<{ enc: string }>(db, PEPPER_SETTING);
  // Created at start-up (ensureReferenceData), never inside a caller's transaction that may roll back.
  if (!stored && db !== ctx.database.db) throw new Error('the hashing key is missing: run start-up (reference data) first');
  if (!stored) {
    const enc = ctx.encryptor.encrypt(randomBytes(32).toString('base64'), PEPPER_CONTEXT);
    // Two nodes may race on first use: the first insert wins and both read it back.
    await db.insert(settings).values({ key: PEPPER_SETTING, value: { enc } }).onConflictDoNothing();
    stored = await readSetting<{ enc: string }>(db, PEPPER_SETTING);
  }
  if (!stored) throw new Error('the hashing key could not be stored');
  return makeHasher(Buffer.from(ctx.encryptor.decrypt(stored.enc, PEPPER_CONTEXT), 'base64'));
}

/**
 * The instance's keyed hasher (loaded once per database, created on first use). Inside a
 * transaction pass it as `db` (PGlite has one connection).
 */
export function getKeyedHasher(ctx: ServiceContext, db: Db = ctx.database.db): Promise<KeyedHasher> {
  let p = cache.get(ctx.database);
  if (!p) {
    p = loadHasher(ctx, db);
    p.catch(() => cache.delete(ctx.database));
    cache.set(ctx.database, p);
  }
  return p;
}

/** Forget the cached hasher (after a restore replaced the settings). */
export function forgetKeyedHasher(database: Database): void {
  cache.delete(database);
}
