import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldDecryptionError, FieldEncryptor, generateFieldKeySpec, parseFieldKeys } from '../../../src/lib/crypto/field-encryption';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips any text, with a fresh IV each time', () => {
    const enc = new FieldEncryptor([k1]);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const a = enc.encrypt(text, 'ctx');
        expect(enc.decrypt(a, 'ctx')).toBe(text);
        expect(a).not.toBe(enc.encrypt(text, 'ctx'));
        expect(a).not.toContain(text.length > 3 ? text : '\u0000');
      }),
    );
  });

  it('stores the key id so old values decrypt after rotation', () => {
    const old = new FieldEncryptor([k1]).encrypt('Μαρία, 14', 'contacts.notes:1');
    const rotated = new FieldEncryptor([k2, k1]);
    expect(FieldEncryptor.readKeyId(old)).toBe('k1');
    expect(rotated.decrypt(old, 'contacts.notes:1')).toBe('Μαρία, 14');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt('x'))).toBe(false);
  });

  it('refuses tampered data, a wrong context and unknown keys', () => {
    const enc = new FieldEncryptor([k1]);
    const value = enc.encrypt('secret', 'a');
    const parts = value.split(':');
    const ct = Buffer.from(parts[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString('base64url');
    expect(() => enc.decrypt(parts.join(':'), 'a')).toThrow(FieldDecryptionError);
    expect(() => enc.decrypt(value, 'b')).toThrow(FieldDecryptionError);
    expect(() => new FieldEncryptor([k2]).decrypt(value, 'a')).toThrow(/unknown encryption key/);
    expect(() => enc.decrypt('plain text', 'a')).toThrow(FieldDecryptionError);
  });

  it('parses and generates key specs', () => {
    const spec = generateFieldKeySpec(new Date('2026-11-23T00:00:00Z'));
    const [key] = parseFieldKeys(spec);
    expect(key!.id).toBe('k20261123');
    expect(key!.key.length).toBe(32);
    expect(() => new FieldEncryptor([{ id: 'bad', key: randomBytes(16) }])).toThrow(/32 bytes/);
  });
});
