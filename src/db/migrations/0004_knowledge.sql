-- Knowledge base: articles (a translation per language, an editorial workflow, every revision kept),
-- the published content indexed for multilingual full-text search, a lexicon for typo tolerance, the
-- legal instruments register with a status per country, and the directory of helplines, NRM actors and
-- partner organisations.

-- Trigram similarity (typo tolerance). Trusted extension: a database owner may create it.
-- The search GIN indexes are built with fastupdate off: new entries go straight into the index instead of
-- a pending list that only VACUUM merges (PGlite has no autovacuum), which would make the planner shun
-- the index. Writes to these tables are rare (publishing, directory edits); searches are not.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE legal_instruments (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text NOT NULL CHECK (kind IN ('international','council_of_europe','eu','national')),
  -- National instruments belong to one country; the others are regional.
  country_code char(2) REFERENCES countries(code),
  title text NOT NULL,
  short_title text,
  -- The official reference: "CETS No. 197", "Directive 2011/36/EU", a gazette number…
  reference text,
  year integer CHECK (year BETWEEN 1800 AND 2200),
  adopted_on date,
  in_force_on date,
  official_url text CHECK (official_url ~ '^https?://'),
  -- {"en": "…", "el": "…"}: a summary per language.
  summaries jsonb NOT NULL DEFAULT '{}'::jsonb,
  topics text[] NOT NULL DEFAULT '{}',
  -- Facts to be confirmed by the country desk (national entries start flagged).
  needs_review boolean NOT NULL DEFAULT false,
  review_note text,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK ((kind = 'national') = (country_code IS NOT NULL))
);

-- Where each country stands with an instrument: signed / ratified / in force, dates where known.
CREATE TABLE legal_instrument_status (
  instrument_id uuid NOT NULL REFERENCES legal_instruments(id) ON DELETE CASCADE,
  country_code char(2) NOT NULL REFERENCES countries(code),
  status text NOT NULL DEFAULT 'unknown' CHECK (status IN ('unknown','not_signed','signed','ratified','in_force','transposed','not_applicable')),
  signed_on date,
  ratified_on date,
  in_force_on date,
  note text,
  source_url text CHECK (source_url ~ '^https?://'),
  needs_review boolean NOT NULL DEFAULT true,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instrument_id, country_code)
);

CREATE TABLE kb_articles (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  type text NOT NULL CHECK (type IN ('thb_information','exploitation_forms','legal_instrument','national_mechanism','professional_guidance','faq','canned_answer')),
  audience text NOT NULL CHECK (audience IN ('public','professionals','internal')),
  -- null: a regional article; otherwise the country it is about.
  country_code char(2) REFERENCES countries(code),
  -- The organisation that owns the article (record scope for organisation-scoped editors).
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  tags text[] NOT NULL DEFAULT '{}',
  -- Taxonomy codes (regional) the article answers: the operator console suggests it for them.
  taxonomy_codes text[] NOT NULL DEFAULT '{}',
  legal_instrument_id uuid REFERENCES legal_instruments(id),
  review_due_on date,
  needs_review boolean NOT NULL DEFAULT false,
  review_note text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX kb_articles_taxonomy_idx ON kb_articles USING gin (taxonomy_codes);
CREATE INDEX kb_articles_review_idx ON kb_articles (review_due_on) WHERE review_due_on IS NOT NULL;
CREATE INDEX kb_articles_country_idx ON kb_articles (country_code);

-- The working copy of one translation and where it stands in the workflow.
CREATE TABLE kb_translations (
  article_id uuid NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
  lang text NOT NULL CHECK (lang IN ('en','el','bg','ro','sl','sr','uk','hu','ru')),
  status text NOT NULL CHECK (status IN ('draft','in_review','published','archived')),
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',
  body_md text NOT NULL DEFAULT '',
  -- The latest revision (the working copy) and the one the public and search see.
  revision integer NOT NULL,
  published_revision integer,
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz,
  review_comment text,
  updated_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (article_id, lang)
);
CREATE INDEX kb_translations_status_idx ON kb_translations (status) WHERE status = 'in_review';

-- Every saved revision of a translation, never changed: history and diffs.
CREATE TABLE kb_revisions (
  article_id uuid NOT NULL,
  lang text NOT NULL,
  revision integer NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  body_md text NOT NULL,
  -- Markdown rendered and sanitised (allow-listed tags, attributes and link schemes).
  body_html text NOT NULL,
  author_id uuid REFERENCES users(id),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, lang, revision),
  FOREIGN KEY (article_id, lang) REFERENCES kb_translations(article_id, lang) ON DELETE CASCADE
);

-- The published revision of each translation, denormalised for search and the public pages.
CREATE TABLE kb_published (
  article_id uuid NOT NULL,
  lang text NOT NULL,
  revision integer NOT NULL,
  slug text NOT NULL,
  type text NOT NULL,
  audience text NOT NULL,
  country_code char(2),
  tags text[] NOT NULL DEFAULT '{}',
  taxonomy_codes text[] NOT NULL DEFAULT '{}',
  title text NOT NULL,
  summary text NOT NULL,
  body_html text NOT NULL,
  -- Plain text of the body (snippets).
  body_text text NOT NULL,
  -- Stemmed words (the language's configuration) and accent-folded words (simple), weighted A/B/C.
  tsv tsvector NOT NULL,
  -- Folded title, for trigram similarity.
  title_folded text NOT NULL,
  published_by uuid REFERENCES users(id),
  published_at timestamptz NOT NULL,
  PRIMARY KEY (article_id, lang),
  FOREIGN KEY (article_id, lang) REFERENCES kb_translations(article_id, lang) ON DELETE CASCADE
);
CREATE INDEX kb_published_tsv_idx ON kb_published USING gin (tsv) WITH (fastupdate = off);
CREATE INDEX kb_published_title_trgm_idx ON kb_published USING gin (title_folded gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX kb_published_filter_idx ON kb_published (lang, audience, country_code);
-- Public and staff article pages look translations up by address.
CREATE INDEX kb_published_slug_idx ON kb_published (slug);
CREATE INDEX kb_published_taxonomy_idx ON kb_published USING gin (taxonomy_codes);

-- Folded words of everything searchable: a misspelt query word is replaced by its nearest words here.
CREATE TABLE kb_lexicon (
  word text PRIMARY KEY
);
CREATE INDEX kb_lexicon_trgm_idx ON kb_lexicon USING gin (word gin_trgm_ops) WITH (fastupdate = off);

-- Helplines, NRM actors and partner organisations per country.
CREATE TABLE directory_entries (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('missing_children_hotline','child_helpline','thb_hotline','police','prosecutor','child_protection','social_services','shelter','health','labour_inspectorate','ngo','embassy','national_coordinator','partner_organisation')),
  country_code char(2) NOT NULL REFERENCES countries(code),
  -- A partner organisation (or the desk) this entry describes, when it is one of ours.
  organisation_id uuid REFERENCES organisations(id),
  name text NOT NULL,
  local_name text,
  -- {"en": "…", "el": "…"}
  descriptions jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- [{"number": "116 000", "label": "…", "free": true}]
  phones jsonb NOT NULL DEFAULT '[]'::jsonb,
  email text,
  website text CHECK (website ~ '^https?://'),
  city text,
  address text,
  hours text,
  around_the_clock boolean NOT NULL DEFAULT false,
  languages text[] NOT NULL DEFAULT '{}',
  -- Who runs the line or service.
  operator text,
  nrm_stages text[] NOT NULL DEFAULT '{}',
  -- public: shown on the public pages; professionals / internal: staff only (e.g. direct police lines).
  audience text NOT NULL DEFAULT 'professionals' CHECK (audience IN ('public','professionals','internal')),
  needs_review boolean NOT NULL DEFAULT true,
  verified_by uuid REFERENCES users(id),
  verified_at timestamptz,
  tsv tsvector NOT NULL,
  name_folded text NOT NULL,
  archived_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX directory_entries_tsv_idx ON directory_entries USING gin (tsv) WITH (fastupdate = off);
CREATE INDEX directory_entries_name_trgm_idx ON directory_entries USING gin (name_folded gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX directory_entries_country_kind_idx ON directory_entries (country_code, kind) WHERE archived_at IS NULL;
CREATE INDEX directory_entries_stages_idx ON directory_entries USING gin (nrm_stages);
