import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256 key with the id stored beside every value it encrypted. */
export interface FieldKey {
  id: string;
  key: Buffer;
}

const PREFIX = 'enc1';

/** Thrown when a value cannot be decrypted: unknown key id, tampered data or wrong context. */
export class FieldDecryptionError extends Error {
  readonly code = 'FIELD_DECRYPTION_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'FieldDecryptionError';
  }
}

/**
 * Encrypts and decrypts sensitive fields (names, contact details, notes) with AES-256-GCM.
 * The first key encrypts; every key can decrypt, so keys rotate by putting a new one first.
 * `context` is bound as associated data (e.g. "contacts.notes:<id>") so a value cannot be moved to another row.
 */
export class FieldEncryptor {
  private readonly byId: Map<string, Buffer>;
  private readonly current: FieldKey;

  constructor(readonly keys: readonly FieldKey[]) {
    const first = keys[0];
    if (!first) throw new Error('FieldEncryptor needs at least one key');
    for (const k of keys) {
      if (k.key.length !== 32) throw new Error(`key ${k.id} must be 32 bytes`);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.id)) throw new Error(`key id ${k.id} is not valid`);
    }
    this.current = first;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The id of the key new values are encrypted with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  /** Encrypt a string. The output is ASCII: enc1:<kid>:<iv>:<tag>:<ciphertext>, base64url parts. */
  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [PREFIX, this.current.id, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join(':');
  }

  /** Decrypt a value made by encrypt(); throws FieldDecryptionError on any mismatch. */
  decrypt(value: string, context = ''): string {
    const parts = value.split(':');
    if (parts.length !== 5 || parts[0] !== PREFIX) throw new FieldDecryptionError('not an encrypted field value');
    const [, kid, ivB64, tagB64, ctB64] = parts as [string, string, string, string, string];
    const key = this.byId.get(kid);
    if (!key) throw new FieldDecryptionError(`unknown encryption key id "${kid}"`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivB64, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tagB64, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldDecryptionError('encrypted value failed authentication');
    }
  }

  /** The key id a stored value was encrypted with (for rotation jobs). */
  static readKeyId(value: string): string | null {
    const parts = value.split(':');
    return parts.length === 5 && parts[0] === PREFIX ? (parts[1] ?? null) : null;
  }

  /** True when the value was encrypted with an older key and should be re-encrypted. */
  needsRotation(value: string): boolean {
    return FieldEncryptor.readKeyId(value) !== this.current.id;
  }
}

/** Parse "kid:base64key,kid2:base64key2" into keys. */
export function parseFieldKeys(spec: string): FieldKey[] {
  return spec.split(',').map((pair) => {
    const [id, b64] = pair.trim().split(':') as [string, string];
    return { id, key: Buffer.from(b64, 'base64') };
  });
}

/** A fresh random key spec "k<yyyymmdd>:<base64>". */
export function generateFieldKeySpec(now = new Date()): string {
  const id = `k${now.toISOString().slice(0, 10).replaceAll('-', '')}`;
  return `${id}:${randomBytes(32).toString('base64')}`;
}
