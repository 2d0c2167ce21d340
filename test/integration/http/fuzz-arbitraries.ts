import fc from 'fast-check';
import { z, type ZodType } from 'zod';

/** A JSON Schema node as z.toJSONSchema emits it (the subset the generators read). */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}

/** Known-good values the generators mix in so that some requests get past validation into the services. */
export interface FuzzPool {
  uuids: string[];
  countries: string[];
}

/** Strings that tend to break things: unicode, NUL, surrogates, SQL, HTML, numbers as text, huge. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '\u202e', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}'),
  fc.constantFrom("'; DROP TABLE users;--", '<script>alert(1)</script>', '%', '_', '\\', '${jndi:ldap://x}', '../../etc/passwd'),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
);

/** Any JSON value, with nasty strings as leaves. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyString,
  fc.constantFrom(null, 0, -0, 1e308, -1, 2 ** 53 + 1, true, false, [], {}),
);

function validFrom(schema: JsonSchema, pool: FuzzPool, key = ''): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => validFrom(s, pool, key)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object': {
      const props = schema.properties ?? {};
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(props)) rec[k] = validFrom(s, pool, k);
      return fc.record(rec, { requiredKeys: schema.required ?? [] });
    }
    case 'array':
      return fc.array(validFrom(schema.items ?? {}, pool, key), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'string': {
      if (schema.format === 'uuid') return fc.oneof({ arbitrary: fc.constantFrom(...pool.uuids), weight: 3 }, { arbitrary: fc.uuid(), weight: 1 });
      if (key === 'email') {
        const simple = fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9.+-]{0,15}$/), fc.constantFrom('test.example', 'helpline.example.org')).map(([a, d]) => `${a}@${d}`);
        return fc.oneof({ arbitrary: simple, weight: 3 }, { arbitrary: fc.emailAddress(), weight: 1 });
      }
      if (key === 'countryCode') return fc.oneof({ arbitrary: fc.constantFrom(...pool.countries), weight: 4 }, { arbitrary: fc.stringMatching(/^[A-Z]{2}$/), weight: 1 });
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      const min = schema.minLength ?? 0;
      return fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: Math.min(schema.maxLength ?? 40, min + 30) }).map((s) => (s.trim().length >= min ? s : 'a'.repeat(min) + s));
    }
    default:
      return anyJson;
  }
}

type Mutation = { kind: 'drop' | 'null' | 'swap' | 'nasty' | 'nul' | 'stringify' | 'wrap' | 'unknown'; at: number; value: unknown };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('drop', 'null', 'swap', 'nasty', 'nul', 'stringify', 'wrap', 'unknown'),
  at: fc.nat(),
  value: fc.oneof(anyJson, nastyString),
});

function mutate(body: unknown, mutations: Mutation[]): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const m of mutations) {
    const keys = Object.keys(out);
    const key = keys.length ? keys[m.at % keys.length]! : 'field';
    if (m.kind === 'drop') delete out[key];
    else if (m.kind === 'null') out[key] = null;
    else if (m.kind === 'swap') out[key] = m.value;
    else if (m.kind === 'nasty') out[key] = typeof m.value === 'string' ? m.value : 'x'.repeat(100_000);
    else if (m.kind === 'nul') out[key] = typeof out[key] === 'string' ? `${out[key]}\u0000`.slice(-200) : 'a\u0000b';
    else if (m.kind === 'stringify') out[key] = typeof out[key] === 'string' ? Number(out[key]) : JSON.stringify(out[key] ?? null);
    else if (m.kind === 'wrap') out[key] = [out[key]];
    else out[`extra_${m.at % 5}`] = m.value;
  }
  return out;
}

/** What the fuzzer sends: a JSON payload, or a raw string declared as JSON. */
export type FuzzBody = { json: unknown } | { raw: string };

/**
 * Bodies for one route: random JSON values, objects with random keys, raw non-JSON text, and valid
 * bodies derived from the route's zod schema (2 in 5 left valid, the rest with 1 to 3 fields mutated: (dropped, nulled, swapped for
 * junk, huge or unicode strings, numbers as strings, NUL bytes, wrapped in arrays, unknown keys added)).
 */
export function bodyArbitrary(schema: ZodType | undefined, pool: FuzzPool): fc.Arbitrary<FuzzBody> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((v): FuzzBody => ({ json: v }));
  const generic = [json(anyJson), json(fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 6 })), fc.string({ maxLength: 60 }).map((raw): FuzzBody => ({ raw }))];
  if (!schema) return fc.oneof(...generic);
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const mutations = fc.oneof({ arbitrary: fc.constant<Mutation[]>([]), weight: 2 }, { arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }), weight: 3 });
  const nearValid = fc.tuple(validFrom(js, pool), mutations).map(([v, ms]) => mutate(v, ms));
  return fc.oneof({ arbitrary: json(nearValid), weight: 4 }, ...generic.map((arbitrary) => ({ arbitrary, weight: 1 })));
}

/** A value for one path parameter: mostly known ids, else random UUIDs or junk. */
export function paramArbitrary(pool: FuzzPool): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...pool.uuids), weight: 4 },
    { arbitrary: fc.uuid(), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), weight: 1 },
  );
}
