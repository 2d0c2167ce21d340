import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkEncryptionKeys } from '../../../src/services/key-check.service';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

describe('encryption key consistency across nodes', () => {
  it('records new key ids, accepts the same key again, and refuses a different key under a known id', async () => {
    const db = t.ctx.database.db;
    const k1 = { id: 'k20261123', key: randomBytes(32) };
    expect(await checkEncryptionKeys(db, [k1])).toEqual({ added: ['k20261123'] });
    expect(await checkEncryptionKeys(db, [k1])).toEqual({ added: [] });
    const rotated = { id: 'k20270101', key: randomBytes(32) };
    expect(await checkEncryptionKeys(db, [rotated, k1])).toEqual({ added: ['k20270101'] });
    const otherNode = { id: 'k20261123', key: randomBytes(32) };
    await expect(checkEncryptionKeys(db, [otherNode])).rejects.toMatchObject({ code: 'ENCRYPTION_KEY_MISMATCH' });
  });
});
