import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { readSetting, writeSetting } from '../db/repos/settings.repo';
import type { FieldKey } from '../lib/crypto/field-encryption';

const SETTING = 'encryption.key_fingerprints';
const LOCK_KEY = 727005;

/** Thrown when this node's key differs from the one the database's encrypted fields were written with. */
export class EncryptionKeyMismatchError extends Error {
  readonly code = 'ENCRYPTION_KEY_MISMATCH';
}

/** A one-way fingerprint of a key (never the key itself). */
export function fingerprintKey(key: FieldKey): string {
  return createHash('sha256').update('victor-key-fingerprint\n').update(key.key).digest('hex').slice(0, 32);
}

/**
 * Compare this node's field-encryption keys with the fingerprints recorded in the database, and record
 * new key ids. A key id known with a different key means this node would write values other nodes cannot
 * read (e.g. each node generated its own key): refuse to start.
 */
export async function checkEncryptionKeys(db: Db, keys: readonly FieldKey[]): Promise<{ added: string[] }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    const known = (await readSetting<Record<string, string>>(tx as unknown as Db, SETTING)) ?? {};
    const added: string[] = [];
    for (const k of keys) {
      const fp = fingerprintKey(k);
      if (known[k.id] === undefined) {
        known[k.id] = fp;
        added.push(k.id);
      } else if (known[k.id] !== fp) {
        throw new EncryptionKeyMismatchError(
          `The encryption key "${k.id}" of this node differs from the one this database was written with. ` +
            'Give every node the same VICTOR_ENCRYPTION_KEYS (see docs/deployment.md).',
        );
      }
    }
    if (added.length) await writeSetting(tx as unknown as Db, SETTING, known);
    return { added };
  });
}
