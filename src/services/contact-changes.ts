/**
 * Turning the fields an operator sends into stored columns: encryption of notes and call-back
 * numbers, keyed hashes for search, derived flags (THB, out-of-hours), handle time and notification
 * times. Shared by the console, the integrations and the public form.
 */
import type { ContactFields } from '../api/contacts.schemas';
import type { ContactInsert, ContactRow } from '../db/repos/contact.repo';
import type { Action, CallerType, NonDataType, Outcome, ProfessionalSector } from '../domain/helpline/contact-fields';
import { checkCompletion, computeHandleSeconds, isOutOfHours, stampNotifications, type FieldIssue } from '../domain/helpline/contact-rules';
import { checkCategories, hasThbCategory } from '../domain/helpline/taxonomy';
import { AppError } from '../domain/errors';
import type { FieldEncryptor } from '../lib/crypto/field-encryption';
import type { DeskInfo, LoadedTaxonomy } from './helpline-cache.service';
import type { KeyedHasher } from './keyed-hash.service';

/** Encryption contexts bind a ciphertext to its row and column. */
export const notesContext = (id: string) => `contacts.notes:${id}`;
export const callbackContext = (id: string) => `contacts.callback_phone:${id}`;

type Fields = Partial<ContactFields>;

/** The plain columns a patch sets (everything but secrets, caller and derived values). */
function plainColumns(f: Fields): Partial<ContactInsert> {
  const out: Partial<ContactInsert> = {};
  const copy = ['channel', 'direction', 'language', 'callerType', 'callerSector', 'callerAgeBand', 'callerGender', 'childAgeBand', 'childGender', 'region', 'categories', 'informationGiven', 'actionsTaken', 'consentCallback', 'consentConfidentiality', 'outcome', 'nonDataType', 'caseId'] as const;
  for (const k of copy) if (f[k] !== undefined) (out as Record<string, unknown>)[k] = f[k];
  if (f.startedAt !== undefined) out.startedAt = new Date(f.startedAt);
  if (f.endedAt !== undefined) out.endedAt = f.endedAt === null ? null : new Date(f.endedAt);
  return out;
}

/** Everything needed to compute a contact's stored columns. */
export interface ChangeContext {
  id: string;
  encryptor: FieldEncryptor;
  hasher: KeyedHasher;
  taxonomy: LoadedTaxonomy;
  desk: DeskInfo;
  /** The stored row when updating. */
  existing?: ContactRow;
}

/**
 * The columns to write for a patch: plain fields, encrypted notes and call-back number (kept only
 * with call-back consent), search terms of notes and region, THB flag, handle time, out-of-hours.
 * Categories must exist in the contact's taxonomy version, even in a draft.
 */
export function computeContactColumns(patch: Fields, cc: ChangeContext): Partial<ContactInsert> {
  const out = plainColumns(patch);
  const prev = cc.existing;
  const merged = { ...prev, ...out };
  if (patch.categories !== undefined) {
    const unknown = patch.categories.filter((c) => !cc.taxonomy.index.has(c));
    if (unknown.length) {
      throw new AppError('VALIDATION_FAILED', 'Some categories are not in the taxonomy.', { issues: unknown.map((c) => ({ path: 'categories', message: `${c} is not in taxonomy version ${cc.taxonomy.version}` })) });
    }
    out.isThb = hasThbCategory(cc.taxonomy.index, patch.categories);
  }
  if (patch.notes !== undefined) out.notesEnc = patch.notes ? cc.encryptor.encrypt(patch.notes, notesContext(cc.id)) : null;
  if (patch.notes !== undefined || patch.region !== undefined) {
    const notes = patch.notes !== undefined ? patch.notes : prev?.notesEnc ? cc.encryptor.decrypt(prev.notesEnc, notesContext(cc.id)) : null;
    out.searchTerms = cc.hasher.hashText(notes, merged.region ?? null);
  }
  const consent = merged.consentCallback ?? false;
  if (!consent) {
    if (prev?.callbackPhoneEnc || patch.callbackPhone) out.callbackPhoneEnc = null;
  } else if (patch.callbackPhone !== undefined) {
    out.callbackPhoneEnc = patch.callbackPhone ? cc.encryptor.encrypt(patch.callbackPhone, callbackContext(cc.id)) : null;
  }
  if (out.startedAt !== undefined || out.endedAt !== undefined) {
    const started = merged.startedAt as Date;
    const ended = (merged.endedAt as Date | null | undefined) ?? null;
    // The table refuses it too (CHECK): say so as a field error, not a failed query.
    if (ended && ended < started) throw new AppError('VALIDATION_FAILED', 'The contact cannot end before it started.', { issues: [{ path: 'endedAt', message: 'the contact cannot end before it started' }] });
    out.handleSeconds = computeHandleSeconds(started, ended);
    out.outOfHours = isOutOfHours(started, cc.desk.openingHours, cc.desk.timeZone);
  }
  return out;
}

/**
 * The completion step: fills the end time, checks what is mandatory (throws VALIDATION_FAILED with
 * every issue), stamps police/NRM notification times. Returns the extra columns to write.
 */
export function computeCompletion(row: ContactInsert & { startedAt: Date }, cc: ChangeContext, now: Date): Partial<ContactInsert> {
  const endedAt = row.endedAt ?? (now < row.startedAt ? row.startedAt : now);
  const categories = row.categories ?? [];
  const actions = (row.actionsTaken ?? []) as Action[];
  const issues: FieldIssue[] = checkCompletion(
    {
      channel: row.channel,
      direction: row.direction,
      startedAt: row.startedAt,
      endedAt,
      language: row.language ?? null,
      callerType: (row.callerType ?? null) as CallerType | null,
      callerSector: (row.callerSector ?? null) as ProfessionalSector | null,
      categories,
      actionsTaken: actions,
      outcome: (row.outcome ?? null) as Outcome | null,
      nonDataType: (row.nonDataType ?? null) as NonDataType | null,
      consentCallback: row.consentCallback ?? false,
      hasCallbackPhone: Boolean(row.callbackPhoneEnc),
    },
    row.nonDataType ? [] : checkCategories(cc.taxonomy.index, categories, cc.desk.countryCode),
  );
  if (issues.length) throw new AppError('VALIDATION_FAILED', 'The contact cannot be finished yet.', { issues });
  const stamps = stampNotifications(actions, { policeNotifiedAt: row.policeNotifiedAt ?? null, nrmNotifiedAt: row.nrmNotifiedAt ?? null }, now);
  return {
    status: 'completed',
    completedAt: now,
    endedAt,
    handleSeconds: computeHandleSeconds(row.startedAt, endedAt),
    outcome: row.nonDataType ? 'non_data' : row.outcome,
    ...stamps,
  };
}
