-- Missing children (116 000 cases) and child alerts on the AMBER model, published as CAP 1.2.
-- Sections: missing-child cases · country alert settings · alerts and their CAP messages ·
-- cooperation (pre-alerts) · distribution (webhooks, e-mail) · ingest of other systems' feeds.

-- ── Missing-child cases ───────────────────────────────────────────────────────────────────────
ALTER TABLE cases ADD COLUMN kind text NOT NULL DEFAULT 'general' CHECK (kind IN ('general','missing_child'));
CREATE INDEX cases_kind_idx ON cases (kind, country_code, last_activity_at DESC) WHERE kind <> 'general';

-- One per missing-child case: what happened, where the child was last seen, who was told, the outcome.
CREATE TABLE missing_child_reports (
  case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  -- The missing child (a person on the case, role potential_victim).
  person_id uuid REFERENCES case_persons(id) ON DELETE SET NULL,
  missing_type text NOT NULL CHECK (missing_type IN ('runaway','parental_abduction','criminal_abduction','lost_injured','missing_migration','otherwise_missing')),
  missing_status text NOT NULL DEFAULT 'missing' CHECK (missing_status IN ('missing','found','closed')),
  last_seen_at timestamptz NOT NULL,
  last_seen_country char(2) REFERENCES countries(code),
  -- Place and circumstances are personal data: encrypted. The point is rounded (~1 km) for maps.
  last_seen_place_enc text,
  last_seen_lat double precision CHECK (last_seen_lat IS NULL OR (last_seen_lat BETWEEN -90 AND 90)),
  last_seen_lon double precision CHECK (last_seen_lon IS NULL OR (last_seen_lon BETWEEN -180 AND 180)),
  circumstances_enc text,
  -- Physical description, clothing, belongings (encrypted).
  description_enc text,
  -- The photo is a case document (encrypted like every document).
  photo_document_id uuid REFERENCES case_documents(id) ON DELETE SET NULL,
  reported_police boolean NOT NULL DEFAULT false,
  police_reported_at timestamptz,
  police_reference_enc text,
  reported_interpol boolean NOT NULL DEFAULT false,
  interpol_reported_at timestamptz,
  reported_sis boolean NOT NULL DEFAULT false,
  sis_reported_at timestamptz,
  -- Countries the child may have gone to (cross-border 116 000 referrals go through hand-offs).
  suspected_countries char(2)[] NOT NULL DEFAULT '{}',
  found_at timestamptz,
  found_outcome text CHECK (found_outcome IN ('returned_home','found_safe','placed_in_care','found_abroad','found_harmed','found_deceased','other')),
  found_condition text CHECK (found_condition IN ('unharmed','injured','needs_care','deceased','unknown')),
  found_note_enc text,
  closed_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (missing_status <> 'found' OR (found_at IS NOT NULL AND found_outcome IS NOT NULL AND found_condition IS NOT NULL))
);
CREATE INDEX missing_child_reports_status_idx ON missing_child_reports (missing_status, last_seen_at DESC);

-- ── Country alert settings ────────────────────────────────────────────────────────────────────
-- Each country's alert system: who decides, which criteria, how long an alert may run.
CREATE TABLE alert_country_settings (
  country_code char(2) PRIMARY KEY REFERENCES countries(code),
  enabled boolean NOT NULL DEFAULT false,
  -- The authority that decides (e.g. the public prosecutor); recorded on every alert.
  issuing_authority text NOT NULL,
  -- CAP sender for the country's messages (e.g. alerts.gr@victor.example).
  sender text NOT NULL,
  sender_name text NOT NULL,
  -- {"child_abduction":["minor",...],"endangered_missing":[...]}: criteria that must all be met.
  criteria jsonb NOT NULL,
  abduction_max_hours integer NOT NULL CHECK (abduction_max_hours BETWEEN 1 AND 720),
  endangered_max_hours integer NOT NULL CHECK (endangered_max_hours BETWEEN 1 AND 720),
  extension_hours integer NOT NULL CHECK (extension_hours BETWEEN 1 AND 720),
  max_extensions integer NOT NULL CHECK (max_extensions BETWEEN 0 AND 10),
  -- Broadcasters repeat an issued alert every N minutes (0 = no repeat).
  repeat_minutes integer NOT NULL DEFAULT 0 CHECK (repeat_minutes BETWEEN 0 AND 1440),
  hotline text NOT NULL DEFAULT '116000',
  -- Languages of the public info blocks (one CAP info per language).
  languages text[] NOT NULL,
  -- Countries whose desks get a restricted pre-alert.
  neighbours char(2)[] NOT NULL DEFAULT '{}',
  -- Demo or unconfirmed values are flagged until the country desk confirms them.
  needs_review boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- ── Alerts ────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE alerts (
  id uuid PRIMARY KEY,
  -- Human reference per country and year, e.g. GR-A-2026-0007.
  reference text NOT NULL UNIQUE,
  -- CAP <incidents>: shared by the origin alert and neighbours' alerts for the same child.
  incident_id text NOT NULL,
  country_code char(2) NOT NULL REFERENCES countries(code),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  case_id uuid REFERENCES cases(id) ON DELETE SET NULL,
  tier text NOT NULL CHECK (tier IN ('child_abduction','endangered_missing')),
  -- actual → CAP Actual; exercise/test → drill: the whole chain runs, the public feed never shows it.
  mode text NOT NULL DEFAULT 'actual' CHECK (mode IN ('actual','exercise','test')),
  status text NOT NULL CHECK (status IN ('draft','approved','issued','resolved','cancelled','expired')),
  -- {"minor":true,"lifeInDanger":true,...}: the checklist as the drafter / approver answered it.
  criteria jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The issuing authority's decision (name, reference, time, decided by).
  authority_name text,
  authority_reference text,
  authority_decided_at timestamptz,
  authority_person_enc text,
  -- Published content (child's name, age, description, per-language texts, contact): encrypted
  -- at rest; removed from every public surface after resolution.
  content_enc text,
  -- Area: description plus CAP polygons / circles (no personal data).
  area_desc text,
  area_polygons text[] NOT NULL DEFAULT '{}',
  area_circles text[] NOT NULL DEFAULT '{}',
  area_countries char(2)[] NOT NULL DEFAULT '{}',
  -- Neighbour's alert for the same incident: the origin it references.
  origin_alert_id uuid REFERENCES alerts(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  pre_alert_id uuid,
  extensions integer NOT NULL DEFAULT 0,
  expires_at timestamptz,
  drafted_by uuid REFERENCES users(id),
  approved_by uuid REFERENCES users(id),
  approved_at timestamptz,
  issued_by uuid REFERENCES users(id),
  issued_at timestamptz,
  resolved_at timestamptz,
  resolution text CHECK (resolution IN ('found','cancelled_in_error','expired','withdrawn')),
  -- Set when personal data and photo were removed from every public surface.
  redacted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'draft' OR approved_by IS NULL OR approved_by <> drafted_by)
);
CREATE INDEX alerts_status_idx ON alerts (status, expires_at);
CREATE INDEX alerts_country_idx ON alerts (country_code, created_at DESC);
CREATE INDEX alerts_incident_idx ON alerts (incident_id);
CREATE INDEX alerts_case_idx ON alerts (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE alert_reference_counters (
  country_code char(2) NOT NULL,
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (country_code, year)
);

-- Every CAP message an alert produced (Alert, Update, Cancel), as published.
CREATE TABLE alert_messages (
  id uuid PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  identifier text NOT NULL UNIQUE,
  sender text NOT NULL,
  sent timestamptz NOT NULL,
  msg_type text NOT NULL CHECK (msg_type IN ('Alert','Update','Cancel')),
  cap_status text NOT NULL CHECK (cap_status IN ('Actual','Exercise','System','Test','Draft')),
  scope text NOT NULL CHECK (scope IN ('Public','Restricted','Private')),
  -- Why this message: issued, updated, extended, repeated, resolved, cancelled, expired, pre_alert.
  reason text NOT NULL,
  language_codes text[] NOT NULL DEFAULT '{}',
  expires_at timestamptz,
  -- The CAP XML as published. Replaced by a redacted document after resolution.
  xml text NOT NULL,
  -- On the public feeds and pages (Actual + Public only).
  public boolean NOT NULL,
  redacted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (alert_id, seq)
);
CREATE INDEX alert_messages_public_idx ON alert_messages (sent DESC) WHERE public;

-- The alert photo (CAP resource with digest). Bytes are encrypted; deleted after resolution.
CREATE TABLE alert_resources (
  id uuid PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha1 text NOT NULL,
  sha256 text NOT NULL,
  content_enc text,
  description text NOT NULL DEFAULT 'Photo',
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX alert_resources_alert_idx ON alert_resources (alert_id);

-- Alert history for the console (no personal data; comments encrypted).
CREATE TABLE alert_events (
  id bigserial PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES users(id),
  kind text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  comment_enc text
);
CREATE INDEX alert_events_alert_idx ON alert_events (alert_id, at);

-- ── Cooperation between countries' systems ────────────────────────────────────────────────────
-- A restricted pre-alert to a neighbouring country's desk; the neighbour may issue its own alert
-- for the same incident, referencing the origin.
CREATE TABLE alert_pre_alerts (
  id uuid PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  to_country_code char(2) NOT NULL REFERENCES countries(code),
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent','acknowledged','issued','declined','withdrawn')),
  sent_by uuid REFERENCES users(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  answered_by uuid REFERENCES users(id),
  answered_at timestamptz,
  answer_note_enc text,
  neighbour_alert_id uuid REFERENCES alerts(id) ON DELETE SET NULL,
  UNIQUE (alert_id, to_country_code)
);
CREATE INDEX alert_pre_alerts_to_idx ON alert_pre_alerts (to_country_code, sent_at DESC);

-- ── Distribution ──────────────────────────────────────────────────────────────────────────────
-- Broadcasters and partner systems: each message is POSTed, HMAC-signed, retried with back-off.
CREATE TABLE alert_webhook_subscriptions (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  url text NOT NULL,
  secret_enc text NOT NULL,
  countries char(2)[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  -- Drill messages (Exercise/Test) reach only subscriptions that ask for them.
  include_drills boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  organisation_id uuid REFERENCES organisations(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alert_webhook_deliveries (
  id bigserial PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES alert_webhook_subscriptions(id) ON DELETE CASCADE,
  message_id uuid NOT NULL REFERENCES alert_messages(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivering','delivered','dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_at timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, message_id)
);
CREATE INDEX alert_webhook_deliveries_due_idx ON alert_webhook_deliveries (next_attempt_at) WHERE status IN ('pending','delivering');
CREATE INDEX alert_webhook_deliveries_message_idx ON alert_webhook_deliveries (message_id);

-- Public e-mail subscriptions (double opt-in). Addresses encrypted; a keyed hash finds duplicates.
CREATE TABLE alert_email_subscriptions (
  id uuid PRIMARY KEY,
  email_enc text NOT NULL,
  email_hash text NOT NULL UNIQUE,
  countries char(2)[] NOT NULL DEFAULT '{}',
  language text NOT NULL,
  confirm_token_hash text,
  confirmed_at timestamptz,
  unsubscribe_token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  unsubscribed_at timestamptz
);

-- Outgoing e-mail, sent by the worker through SMTP (or kept for the administrator when none is set).
CREATE TABLE mail_outbox (
  id bigserial PRIMARY KEY,
  to_enc text NOT NULL,
  subject text NOT NULL,
  body_text_enc text NOT NULL,
  -- Extra headers as encrypted JSON (List-Unsubscribe carries a personal token).
  headers_enc text,
  purpose text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','dead','held')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';

-- ── Ingest of other systems' CAP feeds ────────────────────────────────────────────────────────
CREATE TABLE alert_ingest_sources (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  url text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('atom','cap')),
  country_code char(2) REFERENCES countries(code),
  active boolean NOT NULL DEFAULT true,
  poll_seconds integer NOT NULL DEFAULT 120 CHECK (poll_seconds BETWEEN 30 AND 86400),
  etag text,
  last_modified text,
  last_polled_at timestamptz,
  last_outcome text,
  last_error text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Alerts received from other systems (deduplicated on sender, identifier, sent).
CREATE TABLE alert_ingested (
  id uuid PRIMARY KEY,
  source_id uuid REFERENCES alert_ingest_sources(id) ON DELETE SET NULL,
  identifier text NOT NULL,
  sender text NOT NULL,
  sent timestamptz NOT NULL,
  msg_type text NOT NULL,
  cap_status text NOT NULL,
  scope text NOT NULL,
  incidents text,
  event text,
  headline text,
  area_desc text,
  -- {"polygons":[[[lat,lon],...]],"circles":[{"lat","lon","radiusKm"}]}
  geometry jsonb NOT NULL DEFAULT '{}'::jsonb,
  country_code char(2),
  expires_at timestamptz,
  -- Cancelled or replaced by a later Update / Cancel referencing it.
  superseded_by uuid REFERENCES alert_ingested(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
  xml text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (sender, identifier, sent)
);
CREATE INDEX alert_ingested_live_idx ON alert_ingested (expires_at) WHERE superseded_by IS NULL;

-- Documents refused by ingest, with the reason (never parsed further).
CREATE TABLE alert_ingest_quarantine (
  id bigserial PRIMARY KEY,
  source_id uuid REFERENCES alert_ingest_sources(id) ON DELETE SET NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  reason_code text NOT NULL,
  detail text NOT NULL,
  size_bytes integer NOT NULL,
  excerpt text NOT NULL
);
CREATE INDEX alert_ingest_quarantine_at_idx ON alert_ingest_quarantine (received_at DESC);
