-- Helpline: desks, the harmonised contact taxonomy (versioned), repeat callers with expiring flags,
-- contacts (notes encrypted, searchable through keyed term hashes), and signed channel integrations.

-- A desk is an organisation that answers a helpline in a country: its hours and public numbers.
CREATE TABLE helpline_desks (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
  country_code char(2) NOT NULL REFERENCES countries(code),
  name text NOT NULL,
  time_zone text NOT NULL,
  -- {"mon":[["09:00","17:00"]], …}; an empty object means around the clock.
  opening_hours jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- [{"number":"116 000","service":"missing_children"}, …]
  phone_numbers jsonb NOT NULL DEFAULT '[]'::jsonb,
  public_intake boolean NOT NULL DEFAULT false,
  needs_review boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- At most one desk per country receives the public form's reports.
CREATE UNIQUE INDEX helpline_desks_public_uq ON helpline_desks (country_code) WHERE public_intake;

-- Taxonomy versions: one draft at a time; published versions never change.
CREATE TABLE taxonomy_versions (
  version integer PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('draft','published','retired')),
  notes text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES users(id),
  published_at timestamptz
);
CREATE UNIQUE INDEX taxonomy_versions_one_draft ON taxonomy_versions (status) WHERE status = 'draft';

CREATE TABLE taxonomy_codes (
  version integer NOT NULL REFERENCES taxonomy_versions(version),
  code text NOT NULL CHECK (code ~ '^[A-Z0-9]+(\.[A-Z0-9_]+)*$'),
  parent_code text,
  module text NOT NULL CHECK (module IN ('chi','thb','missing','non_counselling','non_data')),
  -- null: a regional code; a country: that desk's local sub-code, which maps onto a regional code.
  country_code char(2) REFERENCES countries(code),
  maps_to text,
  labels jsonb NOT NULL,
  sort integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (version, code),
  CHECK ((country_code IS NULL) = (maps_to IS NULL))
);

-- A repeat caller: matched by a keyed hash of the phone number / chat id, never the raw value.
CREATE TABLE callers (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  caller_hash text NOT NULL,
  first_contact_at timestamptz NOT NULL,
  last_contact_at timestamptz NOT NULL,
  UNIQUE (organisation_id, caller_hash)
);

CREATE TABLE caller_flags (
  id uuid PRIMARY KEY,
  caller_id uuid NOT NULL REFERENCES callers(id) ON DELETE CASCADE,
  flag text NOT NULL,
  note_enc text,
  set_by uuid REFERENCES users(id),
  set_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  cleared_at timestamptz,
  cleared_by uuid REFERENCES users(id)
);
CREATE INDEX caller_flags_caller_idx ON caller_flags (caller_id);

CREATE TABLE contacts (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  idempotency_key text UNIQUE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  country_code char(2) NOT NULL REFERENCES countries(code),
  status text NOT NULL CHECK (status IN ('queued','draft','completed','abandoned','discarded')),
  source text NOT NULL CHECK (source IN ('console','telephony','email','public_form')),
  external_ref text,
  channel text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound','outbound')),
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  handle_seconds integer,
  language text,
  caller_type text,
  caller_sector text,
  caller_age_band text,
  caller_gender text,
  child_age_band text,
  child_gender text,
  region text,
  categories text[] NOT NULL DEFAULT '{}',
  is_thb boolean NOT NULL DEFAULT false,
  information_given text[] NOT NULL DEFAULT '{}',
  actions_taken text[] NOT NULL DEFAULT '{}',
  consent_callback boolean NOT NULL DEFAULT false,
  consent_confidentiality boolean NOT NULL DEFAULT false,
  callback_phone_enc text,
  outcome text,
  non_data_type text,
  notes_enc text,
  search_terms text[] NOT NULL DEFAULT '{}',
  caller_id uuid REFERENCES callers(id),
  case_id uuid,
  taxonomy_version integer NOT NULL REFERENCES taxonomy_versions(version),
  operator_user_id uuid REFERENCES users(id),
  police_notified_at timestamptz,
  nrm_notified_at timestamptz,
  out_of_hours boolean NOT NULL DEFAULT false,
  review_status text CHECK (review_status IN ('approved','needs_changes')),
  review_comment text,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX contacts_external_uq ON contacts (source, organisation_id, external_ref) WHERE external_ref IS NOT NULL;
-- Newest-first paging by desk, country or region. The INCLUDEd columns let the common filters (and the
-- capped count) run on the index alone, without visiting the table.
CREATE INDEX contacts_org_started_idx ON contacts (organisation_id, started_at DESC, id DESC)
  INCLUDE (country_code, channel, outcome, status, is_thb, operator_user_id, categories);
CREATE INDEX contacts_country_started_idx ON contacts (country_code, started_at DESC, id DESC)
  INCLUDE (organisation_id, channel, outcome, status, is_thb, operator_user_id, categories);
CREATE INDEX contacts_started_idx ON contacts (started_at DESC, id DESC)
  INCLUDE (organisation_id, country_code, channel, outcome, status, is_thb, operator_user_id, categories);
CREATE INDEX contacts_open_idx ON contacts (organisation_id, status) WHERE status IN ('queued','draft');
CREATE INDEX contacts_caller_idx ON contacts (caller_id) WHERE caller_id IS NOT NULL;
CREATE INDEX contacts_categories_idx ON contacts USING gin (categories);
CREATE INDEX contacts_terms_idx ON contacts USING gin (search_terms);

-- Phone systems, chat and mail gateways that call Victor's signed webhooks.
CREATE TABLE channel_integrations (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('telephony','email')),
  name text NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  secret_enc text NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
