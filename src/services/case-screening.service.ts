/**
 * Indicator screening of a case: answers against a published (or named) indicator set version give an
 * advisory, explained concern level (src/domain/cases/screening.ts). Evidence is sealed as one JSON object
 * with the screening id. The case keeps the latest concern level and the forms it pointed to.
 */
import { randomUUID } from 'node:crypto';
import type { ScreeningInput, ScreeningView, UserRef } from '../api/cases.schemas';
import { isTreatedAsChild } from '../domain/cases/age';
import { assessScreening, type ScreeningResult } from '../domain/cases/screening';
import { AppError } from '../domain/errors';
import type { Db } from '../db/database';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import * as caseRepo from '../db/repos/case.repo';
import * as personRepo from '../db/repos/case-person.repo';
import * as repo from '../db/repos/case-screening.repo';
import * as setRepo from '../db/repos/indicator-set.repo';
import { guardCaseAccess, loadCaseWithAccess, openField, sealField } from './case-access';
import { ageOf } from './case-person.service';
import { recordAudit, type Actor, type ServiceContext } from './context';
import { labelsOf, toDomainSet } from './indicator-set.service';

const EVIDENCE = 'case_screenings.evidence';

/** A user reference from a name map. */
export function userRef(names: ReadonlyMap<string, string>, id: string | null | undefined): UserRef | null {
  if (!id) return null;
  return { id, displayName: names.get(id) ?? '—' };
}

/** Key of a set version in a label map. */
export function setVersionKey(key: string, version: number): string {
  return `${key}@${version}`;
}

/** Indicator labels of set versions that can no longer change (published or retired), per database and `key@version|lang`. */
const labelCache = new WeakMap<object, Map<string, Map<string, string>>>();
/** Bound on cached (version, language) pairs per database; the cache starts over beyond it. */
const LABEL_CACHE_MAX = 500;

/**
 * Labels of the set versions used by some screenings, in a language. Versions that are not drafts never
 * change (a version's indicators are written once; only its status moves on), so their labels are kept in
 * memory per `cacheOwner` (the database) and only unknown versions are read (one query).
 */
export async function loadScreeningLabels(tx: Db, rows: readonly Pick<repo.CaseScreeningRow, 'setKey' | 'setVersion'>[], lang: string, cacheOwner?: object): Promise<Map<string, Map<string, string>>> {
  const cache = cacheOwner ? (labelCache.get(cacheOwner) ?? new Map<string, Map<string, string>>()) : null;
  if (cacheOwner && cache && !labelCache.has(cacheOwner)) labelCache.set(cacheOwner, cache);
  const out = new Map<string, Map<string, string>>();
  const refs = new Map<string, { key: string; version: number }>();
  for (const r of rows) {
    const k = setVersionKey(r.setKey, r.setVersion);
    const hit = cache?.get(`${k}|${lang}`);
    if (hit) out.set(k, hit);
    else refs.set(k, { key: r.setKey, version: r.setVersion });
  }
  if (refs.size === 0) return out;
  const sets = await setRepo.findIndicatorSetVersions(tx, [...refs.values()]);
  for (const s of sets) {
    const k = setVersionKey(s.key, s.version);
    const labels = labelsOf(s, lang);
    out.set(k, labels);
    if (cache && s.status !== 'draft') {
      if (cache.size >= LABEL_CACHE_MAX) cache.clear();
      cache.set(`${k}|${lang}`, labels);
    }
  }
  return out;
}

/**
 * Present a screening; evidence only with sensitive access. `labels` are the indicator labels of its
 * set version in the reader's language.
 */
export function presentScreening(ctx: ServiceContext, row: repo.CaseScreeningRow, labels: ReadonlyMap<string, string> | undefined, names: ReadonlyMap<string, string>, sensitive: boolean): ScreeningView {
  const evidence = sensitive && row.evidenceEnc ? (JSON.parse(openField(ctx, EVIDENCE, row.id, row.evidenceEnc) ?? '{}') as Record<string, string>) : {};
  const result = row.result as unknown as ScreeningResult;
  return {
    id: row.id,
    personId: row.personId,
    setKey: row.setKey,
    setVersion: row.setVersion,
    treatedAsChild: row.treatedAsChild,
    answers: row.answers.map((a) => ({ code: a.code, answer: a.answer as ScreeningView['answers'][number]['answer'], evidence: evidence[a.code] ?? null })),
    result: {
      concern: result.concern,
      nextStep: result.nextStep,
      elements: result.elements,
      reasons: result.reasons.map((r) => ({ code: r.code, element: r.element, strength: r.strength, label: labels?.get(r.code) ?? r.code })),
      missing: result.missing,
      forms: result.forms,
      unanswered: result.unanswered,
      meansWaived: result.meansWaived,
    },
    screenedBy: userRef(names, row.screenedBy),
    screenedAt: row.screenedAt.toISOString(),
  };
}

function validationFailed(message: string, path: string, codes: readonly string[]): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: codes.map((c) => ({ path, message: c })) });
}

/** Decide whether the screening is of a child: the chosen potential victim's age, else the case's flag. */
async function decideTreatedAsChild(tx: Db, c: caseRepo.CaseRow, personId: string | null | undefined): Promise<boolean> {
  if (!personId) return c.involvesChild;
  const person = await personRepo.findPerson(tx, c.id, personId);
  if (!person) throw new AppError('PERSON_NOT_FOUND', 'No such person in this case.');
  if (person.role !== 'potential_victim') throw validationFailed('Only a potential victim is screened.', 'personId', [personId]);
  return isTreatedAsChild(ageOf(person));
}

/** Record a screening (cases.write): assess, store, update the case's concern level and forms. */
export async function recordScreening(ctx: ServiceContext, actor: Actor, caseId: string, input: ScreeningInput, lang = 'en'): Promise<ScreeningView> {
  const codes = input.answers.map((a) => a.code);
  const repeated = [...new Set(codes.filter((code, i) => codes.indexOf(code) !== i))];
  if (repeated.length > 0) throw validationFailed('Each indicator may be answered once.', 'answers', repeated);
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const set = await setRepo.findIndicatorSet(tx, input.setKey, input.setVersion);
    if (!set || set.status === 'draft') throw new AppError('INDICATOR_SET_NOT_FOUND', 'No such indicator set (or version).');
    const domainSet = toDomainSet(set);
    const known = new Set(domainSet.indicators.map((i) => i.code));
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length > 0) throw validationFailed(`Unknown indicator codes: ${unknown.join(', ')}`, 'answers', unknown);

    const treatedAsChild = await decideTreatedAsChild(tx, c, input.personId);
    const result = assessScreening(domainSet, input.answers, treatedAsChild);
    const id = randomUUID();
    const evidence = Object.fromEntries(input.answers.filter((a) => a.evidence).map((a) => [a.code, a.evidence as string]));
    const userId = actor.principal?.userId ?? null;
    const row = await repo.insertScreening(tx, {
      id,
      caseId: c.id,
      personId: input.personId ?? null,
      setKey: set.key,
      setVersion: set.version,
      answers: input.answers.map((a) => ({ code: a.code, answer: a.answer })),
      evidenceEnc: Object.keys(evidence).length > 0 ? sealField(ctx, EVIDENCE, id, JSON.stringify(evidence)) : null,
      treatedAsChild,
      result: result as unknown as Record<string, unknown>,
      concernLevel: result.concern,
      screenedBy: userId,
      screenedAt: new Date(),
    });
    await caseRepo.patchCase(tx, c.id, { concernLevel: result.concern, forms: result.forms });
    const data = { screeningId: id, concern: result.concern, setKey: set.key, setVersion: set.version };
    await appendCaseEvent(tx, { caseId: c.id, kind: 'screening_recorded', actorUserId: userId, data });
    await recordAudit(tx, actor, { action: 'case.screening_recorded', entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: data });
    const names = await caseRepo.mapUserNames(tx, [userId]);
    return presentScreening(ctx, row, labelsOf(set, lang), names, true);
  });
}
