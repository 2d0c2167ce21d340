import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, computeAuditHash, verifyAuditChain, type ChainedAuditEntry } from '../../../src/domain/audit/audit-chain';

function buildChain(n: number): ChainedAuditEntry[] {
  const out: ChainedAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      seq: i,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actorUserId: null,
      actorTokenId: null,
      action: 'user.created',
      entityType: 'user',
      entityId: `u${i}`,
      organisationId: null,
      countryCode: 'GR',
      requestId: null,
      details: { n: i, nested: { b: 1, a: [1, 2] } },
    };
    const hash = computeAuditHash(prev, content);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(verifyAuditChain(buildChain(20))).toMatchObject({ ok: true, checked: 20 });
  });

  it('detects an altered entry', () => {
    const chain = buildChain(10);
    chain[4] = { ...chain[4]!, details: { n: 999 } };
    expect(verifyAuditChain(chain)).toMatchObject({ ok: false, firstBadId: 5 });
  });

  it('detects a deleted entry in the middle', () => {
    const chain = buildChain(10);
    chain.splice(3, 1);
    const r = verifyAuditChain(chain);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/missing/);
  });

  it('detects an entry re-hashed after alteration (the next link breaks)', () => {
    const chain = buildChain(5);
    const altered = { ...chain[1]!, action: 'user.deleted' };
    altered.hash = computeAuditHash(altered.prevHash, altered);
    chain[1] = altered;
    expect(verifyAuditChain(chain)).toMatchObject({ ok: false, firstBadId: 3 });
  });

  it('canonical JSON ignores key order at every depth', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });

  it('any single-field change changes the hash', () => {
    const [entry] = buildChain(1);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (s) => {
        fc.pre(s !== entry!.action);
        expect(computeAuditHash(GENESIS_HASH, { ...entry!, action: s })).not.toBe(entry!.hash);
      }),
    );
  });
});
