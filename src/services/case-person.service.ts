/**
 * Persons of a case: potential victims (children first), relatives/guardians and suspected
 * perpetrators. Identifying fields are sealed with the person id; age, gender and nationality stay plain.
 * Trafficking status is recorded as stated by the competent authority, never decided here.
 */
import { randomUUID } from 'node:crypto';
import type { IdentificationInput, PersonInput, PersonUpdateInput, PersonView } from '../api/cases.schemas';
import { bandOfAge, isTreatedAsChild, presumesMinority, type AgeBand, type AgeRecord } from '../domain/cases/age';
import { AppError } from '../domain/errors';
import type { Db } from '../db/database';
import { appendCaseEvent } from '../db/repos/case-event.repo';
import * as caseRepo from '../db/repos/case.repo';
import * as repo from '../db/repos/case-person.repo';
import { guardCaseAccess, loadCaseWithAccess, openField, sealField } from './case-access';
import { refreshCaseSearchTerms } from './case-search-terms';
import { recordAudit, type Actor, type ServiceContext } from './context';

/** The sealed identifying fields: view field -> column context. */
const SEALED = {
  givenName: 'case_persons.given_name',
  familyName: 'case_persons.family_name',
  alias: 'case_persons.alias',
  dateOfBirth: 'case_persons.date_of_birth',
  contact: 'case_persons.contact',
  notes: 'case_persons.notes',
} as const;
type SealedField = keyof typeof SEALED;
const SEALED_COLUMN: Record<SealedField, 'givenNameEnc' | 'familyNameEnc' | 'aliasEnc' | 'dateOfBirthEnc' | 'contactEnc' | 'notesEnc'> = {
  givenName: 'givenNameEnc',
  familyName: 'familyNameEnc',
  alias: 'aliasEnc',
  dateOfBirth: 'dateOfBirthEnc',
  contact: 'contactEnc',
  notes: 'notesEnc',
};

/** The age record of a stored person. */
export function ageOf(row: Pick<repo.CasePersonRow, 'ageYears' | 'ageBand' | 'ageUncertain' | 'mayBeChild'>): AgeRecord {
  return { years: row.ageYears, ageBand: row.ageBand as AgeBand, uncertain: row.ageUncertain, mayBeChild: row.mayBeChild };
}

/**
 * Present a person. Without sensitive access only potential victims are shown and their identifying
 * fields are null (restricted); relatives and suspected perpetrators return null (left out).
 */
export function presentPerson(ctx: ServiceContext, row: repo.CasePersonRow, sensitive: boolean): PersonView | null {
  if (!sensitive && row.role !== 'potential_victim') return null;
  const open = (field: SealedField) => (sensitive ? openField(ctx, SEALED[field], row.id, row[SEALED_COLUMN[field]]) : null);
  const age = ageOf(row);
  return {
    id: row.id,
    role: row.role as PersonView['role'],
    restricted: !sensitive,
    givenName: open('givenName'),
    familyName: open('familyName'),
    alias: open('alias'),
    dateOfBirth: open('dateOfBirth'),
    contact: open('contact'),
    notes: open('notes'),
    relationship: row.relationship,
    ageYears: row.ageYears,
    ageBand: row.ageBand as PersonView['ageBand'],
    ageUncertain: row.ageUncertain,
    mayBeChild: row.mayBeChild,
    treatedAsChild: isTreatedAsChild(age),
    presumedMinor: presumesMinority(age),
    gender: row.gender as PersonView['gender'],
    nationality: row.nationality,
    languages: row.languages,
    traffickingStatus: row.traffickingStatus as PersonView['traffickingStatus'],
    identifiedBy: row.identifiedBy,
    identifiedAt: row.identifiedAt,
    identificationRef: sensitive ? openField(ctx, 'case_persons.identification_ref', row.id, row.identificationRefEnc) : null,
    version: row.version,
  };
}

/** The persons of a case as the reader may see them (one query; decrypts only what is shown). */
export async function listPersonViews(tx: Db, ctx: ServiceContext, caseId: string, sensitive: boolean): Promise<PersonView[]> {
  const rows = await repo.listPersons(tx, caseId, sensitive ? undefined : ['potential_victim']);
  return rows.map((r) => presentPerson(ctx, r, sensitive)).filter((p): p is PersonView => p !== null);
}

/** Column values of the plain and sealed fields present in an input (absent keys are left alone). */
function columnsOf(ctx: ServiceContext, personId: string, input: Partial<Omit<PersonInput, 'role'>>): Partial<repo.CasePersonInsert> {
  const patch: Partial<repo.CasePersonInsert> = {};
  for (const field of Object.keys(SEALED) as SealedField[]) {
    if (input[field] !== undefined) patch[SEALED_COLUMN[field]] = sealField(ctx, SEALED[field], personId, input[field]);
  }
  if (input.relationship !== undefined) patch.relationship = input.relationship ?? null;
  if (input.ageYears !== undefined) patch.ageYears = input.ageYears;
  if (input.ageBand !== undefined) patch.ageBand = input.ageBand;
  if (input.ageUncertain !== undefined) patch.ageUncertain = input.ageUncertain;
  if (input.mayBeChild !== undefined) patch.mayBeChild = input.mayBeChild;
  if (input.gender !== undefined) patch.gender = input.gender ?? null;
  if (input.nationality !== undefined) patch.nationality = input.nationality ?? null;
  if (input.languages !== undefined) patch.languages = input.languages;
  // An exact age decides the band.
  const years = patch.ageYears;
  if (typeof years === 'number') patch.ageBand = bandOfAge(years);
  return patch;
}

/**
 * Insert a person of a case with sealed identifying fields (no event, audit or case update: callers
 * such as case creation do those). Exported for the case service.
 */
export async function insertCasePerson(tx: Db, ctx: ServiceContext, caseId: string, input: PersonInput, createdBy: string | null): Promise<repo.CasePersonRow> {
  const id = randomUUID();
  return repo.insertPerson(tx, { id, caseId, role: input.role, ...columnsOf(ctx, id, input), createdBy });
}

/** Recompute cases.involves_child from the potential victims (a case without any stays as it was). */
export async function refreshInvolvesChild(tx: Db, c: caseRepo.CaseRow): Promise<void> {
  const ages = await repo.listVictimAges(tx, c.id);
  if (ages.length === 0) return;
  const involvesChild = ages.some((a) => isTreatedAsChild(ageOf(a)));
  if (involvesChild !== c.involvesChild) await caseRepo.patchCase(tx, c.id, { involvesChild });
}

async function afterPersonChange(tx: Db, ctx: ServiceContext, actor: Actor, c: caseRepo.CaseRow, person: repo.CasePersonRow, kind: 'person_added' | 'person_changed' | 'identification_recorded', action: string, details: Record<string, unknown>): Promise<void> {
  await refreshInvolvesChild(tx, c);
  await refreshCaseSearchTerms(tx, ctx, c.id);
  await appendCaseEvent(tx, { caseId: c.id, kind, actorUserId: actor.principal?.userId ?? null, data: { personId: person.id, role: person.role, ...details } });
  await recordAudit(tx, actor, { action, entityType: 'case', entityId: c.id, organisationId: c.organisationId, countryCode: c.countryCode, details: { personId: person.id, role: person.role, ...details } });
}

/** Add a person to a case (cases.write on the case). */
export async function addPerson(ctx: ServiceContext, actor: Actor, caseId: string, input: PersonInput): Promise<PersonView> {
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const person = await insertCasePerson(tx, ctx, c.id, input, actor.principal?.userId ?? null);
    await afterPersonChange(tx, ctx, actor, c, person, 'person_added', 'case.person_added', {});
    return presentPerson(ctx, person, true) as PersonView;
  });
}

async function loadPerson(tx: Db, caseId: string, personId: string): Promise<repo.CasePersonRow> {
  const person = await repo.findPerson(tx, caseId, personId);
  if (!person) throw new AppError('PERSON_NOT_FOUND', 'No such person in this case.');
  return person;
}

function versionConflict(): AppError {
  return new AppError('RECORD_VERSION_CONFLICT', 'This person was changed by someone else. Reload and try again.');
}

/** Change a person's details (optimistic version). */
export async function updatePerson(ctx: ServiceContext, actor: Actor, caseId: string, personId: string, input: PersonUpdateInput): Promise<PersonView> {
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const current = await loadPerson(tx, c.id, personId);
    const { version, ...fields } = input;
    const patch = columnsOf(ctx, current.id, fields);
    // A band chosen while an exact age is on record (and not cleared) follows the age.
    if (fields.ageBand !== undefined && fields.ageYears === undefined && current.ageYears !== null) patch.ageBand = bandOfAge(current.ageYears);
    const updated = await repo.updatePerson(tx, c.id, current.id, version, patch);
    if (!updated) throw versionConflict();
    await afterPersonChange(tx, ctx, actor, c, updated, 'person_changed', 'case.person_changed', {});
    return presentPerson(ctx, updated, true) as PersonView;
  });
}

/**
 * Record a formal identification decision as stated by the competent authority: 'identified' needs
 * the authority and the date.
 */
export async function recordIdentification(ctx: ServiceContext, actor: Actor, caseId: string, personId: string, input: IdentificationInput): Promise<PersonView> {
  if (input.traffickingStatus === 'identified' && (!input.identifiedBy || !input.identifiedAt)) {
    throw new AppError('VALIDATION_FAILED', 'A formal identification needs the identifying authority and the date.', {
      issues: [
        ...(input.identifiedBy ? [] : [{ path: 'identifiedBy', message: 'required when identified' }]),
        ...(input.identifiedAt ? [] : [{ path: 'identifiedAt', message: 'required when identified' }]),
      ],
    });
  }
  return guardCaseAccess(ctx, actor, async (tx) => {
    const { row: c } = await loadCaseWithAccess(tx, actor, caseId, 'write');
    const current = await loadPerson(tx, c.id, personId);
    if (current.role !== 'potential_victim') throw new AppError('VALIDATION_FAILED', 'Only a potential victim has a trafficking status.', { issues: [{ path: 'personId', message: 'not a potential victim' }] });
    const updated = await repo.updatePerson(tx, c.id, current.id, input.version, {
      traffickingStatus: input.traffickingStatus,
      identifiedBy: input.identifiedBy ?? null,
      identifiedAt: input.identifiedAt ?? null,
      identificationRefEnc: sealField(ctx, 'case_persons.identification_ref', current.id, input.identificationRef),
    });
    if (!updated) throw versionConflict();
    await afterPersonChange(tx, ctx, actor, c, updated, 'identification_recorded', 'case.identification_recorded', { status: input.traffickingStatus });
    return presentPerson(ctx, updated, true) as PersonView;
  });
}
