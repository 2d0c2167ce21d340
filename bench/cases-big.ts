/**
 * The "big" case of the cases benchmark: one case of Save the Children Romania, managed by the demo case
 * manager, with 200 timeline entries of many kinds (some with sealed comments, referral entries linked to
 * their referral), 10 persons, 20 notes, 20 tasks (some overdue), 5 documents (small contents), 5 referrals
 * and 2 screenings — everything sealed with the real encryptor and row-bound contexts.
 */
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { assessScreening, type Indicator, type IndicatorAnswer, type IndicatorSet } from '../src/domain/cases/screening';
import type { ServiceContext } from '../src/services/context';
import { getKeyedHasher } from '../src/services/keyed-hash.service';
import { NOTE_TEXTS, TASK_TITLES, familyName, seededRandom } from './cases-vocabulary';

const DAY = 86_400_000;
const EVENT_KINDS = [
  'note_added', 'task_added', 'task_done', 'status_changed', 'assigned', 'priority_changed', 'details_changed', 'consent_recorded',
  'document_added', 'person_added', 'person_changed', 'identification_recorded', 'screening_recorded', 'contact_linked',
  'referral_created', 'referral_sent', 'referral_acknowledged', 'referral_accepted', 'referral_message', 'task_reopened',
];
const BENCH_INDICATORS: Indicator[] = [
  { code: 'R1', element: 'recruitment', strength: 'strong', appliesTo: 'all', forms: ['labour'] },
  { code: 'R2', element: 'recruitment', strength: 'medium', appliesTo: 'all', forms: ['sexual'] },
  { code: 'E1', element: 'exploitation', strength: 'strong', appliesTo: 'all', forms: ['labour'] },
  { code: 'E2', element: 'exploitation', strength: 'medium', appliesTo: 'child', forms: ['begging'] },
  { code: 'M1', element: 'means', strength: 'medium', appliesTo: 'adult', forms: [] },
  { code: 'V1', element: 'vulnerability', strength: 'weak', appliesTo: 'all', forms: [] },
];

/** The published child indicator set, or a small bench set when none is seeded. */
async function indicatorSet(client: pg.Client): Promise<IndicatorSet> {
  const found = (await client.query<{ key: string; version: number; indicators: Indicator[] }>(
    "SELECT key, version, indicators FROM indicator_sets WHERE status = 'published' ORDER BY (audience = 'child') DESC, key LIMIT 1",
  )).rows[0];
  if (found) return found;
  await client.query(
    `INSERT INTO indicator_sets (key, version, status, audience, titles, indicators, needs_review, published_at) VALUES ('bench-child', 1, 'published', 'child', $1, $2, true, now())`,
    [JSON.stringify({ en: 'Bench indicators' }), JSON.stringify(BENCH_INDICATORS.map((i) => ({ ...i, labels: { en: i.code }, help: {} })))],
  );
  return { key: 'bench-child', version: 1, indicators: BENCH_INDICATORS };
}

/** A directory entry to refer to (the first of the country, else any, else a bench one). */
async function directoryEntries(client: pg.Client, orgId: string): Promise<string[]> {
  const rows = (await client.query<{ id: string }>("SELECT id FROM directory_entries ORDER BY (country_code = 'RO') DESC NULLS LAST, id LIMIT 5")).rows.map((r) => r.id);
  if (rows.length) return rows;
  void orgId;
  throw new Error('no directory entries to refer to: the demo seed should create them');
}

/** Insert the big case; returns its id. */
export async function insertBigCase(ctx: ServiceContext, url: string, seed: number): Promise<{ id: string; reference: string }> {
  const rand = seededRandom(seed);
  const seal = (column: string, rowId: string, value: string) => ctx.encryptor.encrypt(value, `${column}:${rowId}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const org = (await client.query<{ id: string }>("SELECT id FROM organisations WHERE name = 'Save the Children Romania'")).rows[0]!.id;
    const manager = (await client.query<{ id: string }>("SELECT id FROM users WHERE email = 'casemanager.ro@victor.example'")).rows[0]!.id;
    const year = new Date().getUTCFullYear();
    const { rows: [counter] } = await client.query<{ n: number }>(
      `INSERT INTO case_reference_counters (country_code, year, last_number) VALUES ('RO', $1, 1)
       ON CONFLICT (country_code, year) DO UPDATE SET last_number = case_reference_counters.last_number + 1 RETURNING last_number AS n`,
      [year],
    );
    const id = randomUUID();
    const reference = `RO-${year}-${String(counter!.n).padStart(6, '0')}`;
    const now = Date.now();
    const opened = now - 120 * DAY;
    const title = 'Siblings, 13 and 15, forced begging and labour on a farm abroad (Constanta)';
    const names: { role: string; given: string; family: string }[] = [];
    const family = familyName('RO', 77);
    for (const [role, given] of [['potential_victim', 'Ioana'], ['potential_victim', 'Mihai'], ['potential_victim', 'Elena'], ['potential_victim', 'Andrei'], ['relative_guardian', 'Maria'], ['relative_guardian', 'Florin'], ['relative_guardian', 'Gabriela'], ['relative_guardian', 'Stefan'], ['suspected_perpetrator', ''], ['suspected_perpetrator', '']] as const) {
      names.push({ role, given, family: role === 'suspected_perpetrator' ? '' : family });
    }
    const hasher = await getKeyedHasher(ctx);
    const consent = { given: true, givenBy: 'guardian', coversReferral: true, coversTransfer: true, recordedAt: new Date(opened + 2 * DAY).toISOString(), recordedBy: manager, note: null };
    await client.query(
      `INSERT INTO cases (id, reference, organisation_id, country_code, assigned_user_id, status, priority, title_enc, summary_enc, origin, concern_level, forms,
        involves_child, consent, search_terms, reported_at, opened_at, first_assistance_at, first_referral_at, first_acceptance_at, status_changed_at, last_activity_at,
        created_by, version, created_at, updated_at)
       VALUES ($1, $2, $3, 'RO', $4, 'referred', 'high', $5, $6, 'contact', 'clear', '{labour,begging}', true, $7, $8, $9, $10, $11, $12, $13, $14, $15, $4, 37, $10, $15)`,
      [id, reference, org, manager, seal('cases.title', id, title), seal('cases.summary', id, NOTE_TEXTS.join(' ')), JSON.stringify(consent),
        hasher.hashText(title, ...names.flatMap((n) => [n.given, n.family])), new Date(opened - DAY), new Date(opened), new Date(opened + DAY), new Date(opened + 10 * DAY),
        new Date(opened + 12 * DAY), new Date(opened + 10 * DAY), new Date(now - DAY)],
    );
    const personIds: string[] = [];
    for (const [k, n] of names.entries()) {
      const pid = randomUUID();
      personIds.push(pid);
      const victim = n.role === 'potential_victim';
      const age = victim ? 11 + k * 2 : 35 + k;
      await client.query(
        `INSERT INTO case_persons (id, case_id, role, given_name_enc, family_name_enc, alias_enc, notes_enc, relationship, age_years, age_band, age_uncertain, may_be_child,
          gender, nationality, languages, trafficking_status, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,false,false,$11,'RO','{ro}',$12,$13)`,
        [pid, id, n.role, n.given ? seal('case_persons.given_name', pid, n.given) : null, n.family ? seal('case_persons.family_name', pid, n.family) : null,
          n.role === 'suspected_perpetrator' ? seal('case_persons.alias', pid, `Recruiter ${k}`) : null, seal('case_persons.notes', pid, NOTE_TEXTS[k % NOTE_TEXTS.length]!),
          victim ? null : n.role === 'relative_guardian' ? (k % 2 ? 'father' : 'mother') : 'employer', age, victim ? (age <= 14 ? '12-14' : '15-17') : '25+',
          k % 2 ? 'male' : 'female', victim ? 'possible' : null, manager],
      );
    }
    const noteIds: string[] = [];
    for (let k = 0; k < 20; k += 1) {
      const nid = randomUUID();
      noteIds.push(nid);
      await client.query('INSERT INTO case_notes (id, case_id, body_enc, author_id, created_at) VALUES ($1,$2,$3,$4,$5)', [nid, id, seal('case_notes.body', nid, NOTE_TEXTS[k % NOTE_TEXTS.length]!), manager, new Date(opened + k * 5 * DAY)]);
    }
    const taskIds: string[] = [];
    for (let k = 0; k < 20; k += 1) {
      const tid = randomUUID();
      taskIds.push(tid);
      const due = k < 8 ? opened + k * 10 * DAY : k < 14 ? now - (k - 7) * DAY : now + (k - 13) * 3 * DAY;
      await client.query(
        `INSERT INTO case_tasks (id, case_id, organisation_id, kind, title_enc, assignee_user_id, due_at, done_at, done_by, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$6,$10)`,
        [tid, id, org, k % 3 ? 'task' : 'follow_up', seal('case_tasks.title', tid, TASK_TITLES[k % TASK_TITLES.length]!), manager, new Date(due), k < 8 ? new Date(due) : null, k < 8 ? manager : null, new Date(opened + k * DAY)],
      );
    }
    const docIds: string[] = [];
    for (let k = 0; k < 5; k += 1) {
      const did = randomUUID();
      docIds.push(did);
      const content = Buffer.from(`Bench document ${k}\n${NOTE_TEXTS.join('\n')}\n`, 'utf8');
      await client.query(
        `INSERT INTO case_documents (id, case_id, file_name_enc, media_type, size_bytes, sha256, content_enc, kind, uploaded_by, uploaded_at) VALUES ($1,$2,$3,'text/plain',$4,$5,$6,$7,$8,$9)`,
        [did, id, seal('case_documents.file_name', did, `report-${k + 1}.txt`), content.length, createHash('sha256').update(content).digest('hex'), seal('case_documents.content', did, content.toString('base64')),
          ['consent', 'assessment', 'report', 'correspondence', 'other'][k], manager, new Date(opened + k * 7 * DAY)],
      );
    }
    const entries = await directoryEntries(client, org);
    const referralIds: string[] = [];
    const referralStatuses = ['completed', 'accepted', 'acknowledged', 'sent', 'declined'];
    for (let k = 0; k < 5; k += 1) {
      const rid = randomUUID();
      referralIds.push(rid);
      const sent = opened + (10 + k * 8) * DAY;
      const st = referralStatuses[k]!;
      await client.query(
        `INSERT INTO referrals (id, case_id, organisation_id, country_code, stage, directory_entry_id, receiver_language, status, urgency, message_enc, person_id, consent_snapshot,
          sla_hours, status_entered_at, due_at, sent_at, acknowledged_at, accepted_at, declined_at, completed_at, created_by, created_at, updated_at)
         VALUES ($1,$2,$3,'RO',$4,$5,'ro',$6,$7,$8,$9,$10,72,$11,$12,$13,$14,$15,$16,$17,$18,$19,$11)`,
        [rid, id, org, ['identification', 'first_assistance', 'long_term_assistance', 'proceedings', 'cross_border'][k], entries[k % entries.length], st, k === 0 ? 'urgent' : 'normal',
          seal('referrals.message', rid, NOTE_TEXTS[k]!), personIds[k % 4], JSON.stringify(consent), new Date(sent + DAY), new Date(sent + 3 * DAY), new Date(sent),
          st === 'sent' ? null : new Date(sent + DAY / 2), ['completed', 'accepted'].includes(st) ? new Date(sent + DAY) : null, st === 'declined' ? new Date(sent + DAY) : null,
          st === 'completed' ? new Date(sent + 20 * DAY) : null, manager, new Date(sent - DAY)],
      );
    }
    const set = await indicatorSet(client);
    for (let k = 0; k < 2; k += 1) {
      const sid = randomUUID();
      const answers: IndicatorAnswer[] = set.indicators.map((i, j) => ({ code: i.code, answer: (j + k) % 3 === 2 ? 'unknown' : k === 1 || j % 2 === 0 ? 'yes' : 'no' }));
      const result = assessScreening(set, answers, true);
      await client.query(
        `INSERT INTO case_screenings (id, case_id, person_id, set_key, set_version, answers, evidence_enc, treated_as_child, result, concern_level, screened_by, screened_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,true,$8,$9,$10,$11)`,
        [sid, id, personIds[k], set.key, set.version, JSON.stringify(answers), seal('case_screenings.evidence', sid, JSON.stringify({ [answers[0]!.code]: NOTE_TEXTS[k] })), JSON.stringify(result), result.concern, manager, new Date(opened + (3 + k * 5) * DAY)],
      );
    }
    const events: unknown[][] = [];
    for (let k = 0; k < 200; k += 1) {
      const kind = k === 0 ? 'created' : EVENT_KINDS[Math.floor(rand() * EVENT_KINDS.length)]!;
      const at = new Date(opened + (k / 200) * (now - DAY - opened));
      const referral = kind.startsWith('referral_') ? referralIds[k % 5]! : null;
      const data: Record<string, unknown> =
        kind === 'status_changed' ? { from: 'active', to: 'referred' } : kind.startsWith('note') ? { noteId: noteIds[k % 20] } : kind.startsWith('task') ? { taskId: taskIds[k % 20] }
          : kind.startsWith('document') ? { documentId: docIds[k % 5] } : kind.startsWith('person') || kind === 'identification_recorded' ? { personId: personIds[k % 10] }
            : referral ? { referralId: referral, status: kind.slice('referral_'.length) } : {};
      const comment = kind === 'referral_message' || kind === 'status_changed' || k % 5 === 0 ? seal('case_events.comment', id, NOTE_TEXTS[k % NOTE_TEXTS.length]!) : null;
      events.push([id, at, manager, kind, referral, JSON.stringify(data), comment]);
    }
    await client.query(
      `INSERT INTO case_events (case_id, at, actor_user_id, kind, referral_id, data, comment_enc)
       SELECT (x->>0)::uuid, (x->>1)::timestamptz, (x->>2)::uuid, x->>3, (x->>4)::uuid, (x->>5)::jsonb, x->>6 FROM jsonb_array_elements($1::jsonb) x`,
      [JSON.stringify(events)],
    );
    await client.query('COMMIT');
    return { id, reference };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
