import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The PostgreSQL extensions Victor's migrations create, as PGlite modules. Every PGlite opener must pass
 * these (`new PGlite({ extensions: PGLITE_EXTENSIONS })`): a data directory whose schema uses an
 * extension cannot be queried by an instance that did not load it.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };
