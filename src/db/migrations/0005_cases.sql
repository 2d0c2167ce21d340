-- Cases: persons (encrypted), indicator screening (versioned sets), NRM pathways per country (versioned),
-- referrals to directory actors with a consent gate and SLA, cross-border hand-offs, tasks, notes,
-- encrypted documents, the case timeline and break-glass access grants.

-- Versioned indicator sets. Published versions never change; a screening names the version it used.
CREATE TABLE indicator_sets (
  key text NOT NULL CHECK (key ~ '^[a-z0-9-]+$'),
  version integer NOT NULL CHECK (version > 0),
  status text NOT NULL CHECK (status IN ('draft','published','retired')),
  -- child: asked about children; general: asked about anyone.
  audience text NOT NULL CHECK (audience IN ('child','general')),
  -- {"en": "…", …}
  titles jsonb NOT NULL,
  -- [{"code","element","strength","appliesTo","forms":[…],"labels":{"en":…},"help":{"en":…}}]
  indicators jsonb NOT NULL,
  source text,
  needs_review boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  PRIMARY KEY (key, version)
);
CREATE UNIQUE INDEX indicator_sets_one_published ON indicator_sets (key) WHERE status = 'published';

-- The National Referral Mechanism of a country as data: one published version at a time.
CREATE TABLE nrm_pathways (
  id uuid PRIMARY KEY,
  country_code char(2) NOT NULL REFERENCES countries(code),
  version integer NOT NULL CHECK (version > 0),
  status text NOT NULL CHECK (status IN ('draft','published','retired')),
  -- {"en": "…"}
  titles jsonb NOT NULL,
  notes text,
  needs_review boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid REFERENCES users(id),
  published_at timestamptz,
  UNIQUE (country_code, version)
);
CREATE UNIQUE INDEX nrm_pathways_one_published ON nrm_pathways (country_code) WHERE status = 'published';
CREATE UNIQUE INDEX nrm_pathways_one_draft ON nrm_pathways (country_code) WHERE status = 'draft';

-- A stage of a pathway with its actors (directory entries) and the answer time expected from them.
CREATE TABLE nrm_pathway_steps (
  id uuid PRIMARY KEY,
  pathway_id uuid NOT NULL REFERENCES nrm_pathways(id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('identification','first_assistance','long_term_assistance','return_reintegration','proceedings','cross_border')),
  position integer NOT NULL,
  titles jsonb NOT NULL,
  descriptions jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Hours the receiving actor has to answer (and then to act) before the referral shows as overdue.
  sla_hours integer CHECK (sla_hours IS NULL OR sla_hours > 0),
  actor_ids uuid[] NOT NULL DEFAULT '{}',
  UNIQUE (pathway_id, position)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  -- The owning team (a desk or partner organisation) and its country.
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  country_code char(2) NOT NULL REFERENCES countries(code),
  assigned_user_id uuid REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('open','active','referred','monitoring','closed')),
  priority text NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
  title_enc text NOT NULL,
  summary_enc text,
  -- How the case came in (the first contact's channel, a hand-off, or direct).
  origin text NOT NULL CHECK (origin IN ('contact','direct','handoff')),
  -- Latest screening result and what it pointed to (advisory).
  concern_level text CHECK (concern_level IN ('none','possible','clear')),
  forms text[] NOT NULL DEFAULT '{}',
  involves_child boolean NOT NULL DEFAULT true,
  -- {"given","givenBy","coversReferral","coversTransfer","recordedAt","recordedBy","note"}
  consent jsonb,
  closure_reason text,
  closure_note_enc text,
  -- Keyed hashes of the reference and persons' names, for search without decrypting.
  search_terms text[] NOT NULL DEFAULT '{}',
  -- Case timings (statistics derive report -> first assistance -> referral -> acceptance).
  reported_at timestamptz NOT NULL,
  opened_at timestamptz NOT NULL,
  first_assistance_at timestamptz,
  first_referral_at timestamptz,
  first_acceptance_at timestamptz,
  closed_at timestamptz,
  status_changed_at timestamptz NOT NULL,
  last_activity_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Newest-first keyset paging per team, country, region and assignee; the INCLUDEd columns let the
-- common filters run on the index alone.
CREATE INDEX cases_org_opened_idx ON cases (organisation_id, opened_at DESC, id DESC) INCLUDE (status, priority, concern_level, assigned_user_id, country_code);
CREATE INDEX cases_country_opened_idx ON cases (country_code, opened_at DESC, id DESC) INCLUDE (status, priority, concern_level, assigned_user_id, organisation_id);
CREATE INDEX cases_opened_idx ON cases (opened_at DESC, id DESC) INCLUDE (status, priority, concern_level, assigned_user_id, organisation_id, country_code);
CREATE INDEX cases_assigned_opened_idx ON cases (assigned_user_id, opened_at DESC, id DESC) WHERE assigned_user_id IS NOT NULL;
CREATE INDEX cases_created_opened_idx ON cases (created_by, opened_at DESC, id DESC) WHERE created_by IS NOT NULL;
CREATE INDEX cases_terms_idx ON cases USING gin (search_terms);

-- Contacts already carry case_id (helpline issue): now it is a real link.
ALTER TABLE contacts ADD CONSTRAINT contacts_case_fk FOREIGN KEY (case_id) REFERENCES cases(id);
CREATE INDEX contacts_case_idx ON contacts (case_id) WHERE case_id IS NOT NULL;

-- People in a case. Identifying data is encrypted; age, gender and nationality stay plain for statistics.
CREATE TABLE case_persons (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('potential_victim','relative_guardian','suspected_perpetrator')),
  given_name_enc text,
  family_name_enc text,
  alias_enc text,
  date_of_birth_enc text,
  contact_enc text,
  notes_enc text,
  -- relatives: mother, father, guardian, sibling, other; perpetrators: relation to the child.
  relationship text,
  age_years integer CHECK (age_years IS NULL OR (age_years >= 0 AND age_years < 130)),
  age_band text NOT NULL DEFAULT 'unknown' CHECK (age_band IN ('0-5','6-11','12-14','15-17','18-24','25+','unknown')),
  age_uncertain boolean NOT NULL DEFAULT false,
  may_be_child boolean NOT NULL DEFAULT false,
  gender text CHECK (gender IN ('female','male','other','unknown')),
  nationality char(2),
  languages text[] NOT NULL DEFAULT '{}',
  -- Recorded, never decided by the software: the competent authority identifies.
  trafficking_status text CHECK (trafficking_status IN ('possible','identified','not_victim')),
  identified_by text,
  identified_at date,
  identification_ref_enc text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX case_persons_case_idx ON case_persons (case_id);

CREATE TABLE case_screenings (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  person_id uuid REFERENCES case_persons(id) ON DELETE SET NULL,
  set_key text NOT NULL,
  set_version integer NOT NULL,
  -- [{"code","answer"}]; evidence per code is encrypted as one JSON object.
  answers jsonb NOT NULL,
  evidence_enc text,
  treated_as_child boolean NOT NULL,
  -- The derived, explained result (domain ScreeningResult).
  result jsonb NOT NULL,
  concern_level text NOT NULL CHECK (concern_level IN ('none','possible','clear')),
  screened_by uuid REFERENCES users(id),
  screened_at timestamptz NOT NULL,
  FOREIGN KEY (set_key, set_version) REFERENCES indicator_sets(key, version)
);
CREATE INDEX case_screenings_case_idx ON case_screenings (case_id, screened_at DESC);

CREATE TABLE case_notes (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  body_enc text NOT NULL,
  author_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at DESC);

-- Tasks and follow-ups. organisation_id is the case's team (denormalised for the team's overdue list).
CREATE TABLE case_tasks (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  kind text NOT NULL CHECK (kind IN ('task','follow_up')),
  title_enc text NOT NULL,
  assignee_user_id uuid REFERENCES users(id),
  due_at timestamptz NOT NULL,
  done_at timestamptz,
  done_by uuid REFERENCES users(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX case_tasks_case_idx ON case_tasks (case_id, due_at);
CREATE INDEX case_tasks_assignee_due_idx ON case_tasks (assignee_user_id, due_at) WHERE done_at IS NULL;
CREATE INDEX case_tasks_org_due_idx ON case_tasks (organisation_id, due_at) WHERE done_at IS NULL;

-- Documents: content and file name encrypted (AES-256-GCM with the row id as context).
CREATE TABLE case_documents (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  file_name_enc text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  content_enc text NOT NULL,
  kind text NOT NULL DEFAULT 'other' CHECK (kind IN ('identity','consent','assessment','report','correspondence','other')),
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  deleted_by uuid REFERENCES users(id)
);
CREATE INDEX case_documents_case_idx ON case_documents (case_id, uploaded_at DESC);

-- Referrals to an NRM actor (a directory entry). When the actor is one of our organisations, its liaison
-- officers see the referral and answer in the app; otherwise the sender records the answers.
CREATE TABLE referrals (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  country_code char(2) NOT NULL REFERENCES countries(code),
  pathway_id uuid REFERENCES nrm_pathways(id),
  step_id uuid REFERENCES nrm_pathway_steps(id),
  stage text NOT NULL,
  directory_entry_id uuid NOT NULL REFERENCES directory_entries(id),
  receiver_organisation_id uuid REFERENCES organisations(id),
  receiver_language text NOT NULL DEFAULT 'en',
  status text NOT NULL CHECK (status IN ('draft','sent','acknowledged','accepted','declined','completed','revoked')),
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal','urgent')),
  -- What is asked of the receiver and what they need to know (encrypted).
  message_enc text,
  -- Person shared with the receiver (the packet carries only that person's minimum data).
  person_id uuid REFERENCES case_persons(id) ON DELETE SET NULL,
  -- The consent on record when sent, or the override (reason encrypted; who and when plain).
  consent_snapshot jsonb,
  consent_override_reason_enc text,
  consent_override_by uuid REFERENCES users(id),
  sla_hours integer,
  status_entered_at timestamptz NOT NULL,
  due_at timestamptz,
  sent_at timestamptz,
  acknowledged_at timestamptz,
  accepted_at timestamptz,
  declined_at timestamptz,
  completed_at timestamptz,
  revoked_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX referrals_case_idx ON referrals (case_id, created_at);
CREATE INDEX referrals_receiver_idx ON referrals (receiver_organisation_id, created_at DESC) WHERE receiver_organisation_id IS NOT NULL AND status <> 'draft';
CREATE INDEX referrals_due_idx ON referrals (organisation_id, due_at) WHERE status IN ('sent','acknowledged','accepted');
-- The sent box, newest first, per team, country or region.
CREATE INDEX referrals_org_created_idx ON referrals (organisation_id, created_at DESC, id DESC);
CREATE INDEX referrals_country_created_idx ON referrals (country_code, created_at DESC, id DESC);
CREATE INDEX referrals_created_idx ON referrals (created_at DESC, id DESC);

-- Cross-border hand-off between country desks; only a minimum dataset and the consent snapshot travel.
CREATE TABLE handoffs (
  id uuid PRIMARY KEY,
  from_case_id uuid NOT NULL REFERENCES cases(id),
  from_organisation_id uuid NOT NULL REFERENCES organisations(id),
  from_country_code char(2) NOT NULL REFERENCES countries(code),
  to_organisation_id uuid NOT NULL REFERENCES organisations(id),
  to_country_code char(2) NOT NULL REFERENCES countries(code),
  to_case_id uuid REFERENCES cases(id),
  status text NOT NULL CHECK (status IN ('requested','accepted','declined','withdrawn')),
  -- The minimum dataset (domain HANDOFF_FIELDS) as encrypted JSON.
  dataset_enc text NOT NULL,
  consent_snapshot jsonb NOT NULL,
  answer_note_enc text,
  requested_by uuid REFERENCES users(id),
  requested_at timestamptz NOT NULL,
  answered_by uuid REFERENCES users(id),
  answered_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK (from_country_code <> to_country_code)
);
CREATE INDEX handoffs_from_case_idx ON handoffs (from_case_id);
CREATE INDEX handoffs_to_org_idx ON handoffs (to_organisation_id, requested_at DESC);
CREATE INDEX handoffs_to_country_idx ON handoffs (to_country_code, requested_at DESC);
CREATE INDEX handoffs_from_org_idx ON handoffs (from_organisation_id, requested_at DESC);
CREATE INDEX handoffs_from_country_idx ON handoffs (from_country_code, requested_at DESC);
CREATE INDEX handoffs_to_case_idx ON handoffs (to_case_id) WHERE to_case_id IS NOT NULL;

-- The case timeline: everything that happened, without personal data (that stays in the encrypted rows
-- the entries point to). referral_id marks what a receiving liaison officer may see.
CREATE TABLE case_events (
  id bigserial PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES users(id),
  kind text NOT NULL,
  referral_id uuid REFERENCES referrals(id) ON DELETE CASCADE,
  -- Non-personal details: from/to status, ids of the note, task, document or person concerned.
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- A comment that goes with the event (encrypted), e.g. a liaison officer's answer.
  comment_enc text
);
CREATE INDEX case_events_case_idx ON case_events (case_id, at DESC, id DESC);
CREATE INDEX case_events_referral_idx ON case_events (referral_id, at) WHERE referral_id IS NOT NULL;

-- Break-glass: time-limited access to a case outside one's scope, with a stated reason (audited, and
-- shown on the case).
CREATE TABLE case_access_grants (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  reason_enc text NOT NULL,
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX case_access_grants_user_idx ON case_access_grants (user_id, case_id, expires_at);

-- Yearly case references per country: GR-2026-000001.
CREATE TABLE case_reference_counters (
  country_code char(2) NOT NULL REFERENCES countries(code),
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (country_code, year)
);

-- "Who viewed this case": reads of a case file are audited; this index serves the panel.
CREATE INDEX audit_log_case_views_idx ON audit_log (entity_id, at DESC) WHERE entity_type = 'case';
-- "Has this user viewed the case in the last minutes?" (reads are logged once per user per 10 minutes).
CREATE INDEX audit_log_case_viewed_idx ON audit_log (entity_id, actor_user_id, at DESC) WHERE entity_type = 'case' AND action = 'case.viewed';
