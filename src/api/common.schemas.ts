import { z } from 'zod';

/** Languages of the interface. `sr` is Serbian in Latin script. */
export const LOCALES = ['en', 'el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** Every error body: a stable code, a human message, optional field issues. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorSchema>;

export const uuidSchema = z.uuid();
export const idParamsSchema = z.object({ id: z.uuid() }).strict();
export const okSchema = z.object({ ok: z.literal(true) });

/** ISO 3166-1 alpha-2, upper case. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'two upper-case letters (ISO 3166-1)');

/** Paging for lists. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

type Undefaulted<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I> ? I : T[K]> };
/** Every field optional and without its default (zod applies defaults inside .partial(): a PATCH would reset unsent fields). */
export function optionalWithoutDefaults<T extends z.ZodRawShape>(shape: T): Undefaulted<T> {
  return Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, (s instanceof z.ZodDefault ? (s.removeDefault() as z.ZodType) : (s as z.ZodType)).optional()])) as unknown as Undefaulted<T>;
}
