import type { ContactFields } from '../../../../api/contacts.schemas';
import type { Channel } from '../../../../domain/helpline/contact-fields';
import type { ContactUpdateInput, ContactView } from '../helpline-api';

/** What the operator fills in while logging a contact. */
export type DraftFields = Omit<ContactFields, 'endedAt' | 'nonDataType'>;

/** The contact being logged, as kept on this device until the server has it and it is finished. */
export interface LocalDraft {
  /** Sent with the first save so that a retry never creates a second contact. */
  idempotencyKey: string;
  contactId: string | null;
  reference: string | null;
  /** The server's version after the last save (PATCH sends it back). */
  version: number | null;
  organisationId: string | null;
  fields: DraftFields;
  /** Changes not yet confirmed by the server. */
  dirty: boolean;
}

const PREFIX = 'victor.console.draft.';

/** A new random idempotency key (UUID letters and dashes fit the API's pattern). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Empty fields of a contact starting now. */
export function emptyFields(channel: Channel, language: string): DraftFields {
  return {
    channel,
    direction: 'inbound',
    startedAt: new Date().toISOString(),
    language,
    callerType: null,
    callerSector: null,
    callerAgeBand: null,
    callerGender: null,
    childAgeBand: null,
    childGender: null,
    region: null,
    categories: [],
    informationGiven: [],
    actionsTaken: [],
    consentCallback: false,
    consentConfidentiality: false,
    callbackPhone: null,
    callerId: null,
    outcome: null,
    notes: null,
    caseId: null,
  };
}

/** A local draft of a contact the server already has (opened by id, claimed, or screen-popped). */
export function draftFromContact(contact: ContactView, callerId: string | null = null): LocalDraft {
  return {
    idempotencyKey: newIdempotencyKey(),
    contactId: contact.id,
    reference: contact.reference,
    version: contact.version,
    organisationId: contact.organisationId,
    dirty: false,
    fields: {
      channel: contact.channel,
      direction: contact.direction,
      startedAt: contact.startedAt,
      language: contact.language,
      callerType: contact.callerType,
      callerSector: contact.callerSector,
      callerAgeBand: contact.callerAgeBand,
      callerGender: contact.callerGender,
      childAgeBand: contact.childAgeBand,
      childGender: contact.childGender,
      region: contact.region,
      categories: contact.categories,
      informationGiven: contact.informationGiven,
      actionsTaken: contact.actionsTaken,
      consentCallback: contact.consentCallback,
      consentConfidentiality: contact.consentConfidentiality,
      callbackPhone: contact.callbackPhone,
      callerId,
      outcome: contact.outcome,
      notes: contact.notes,
      caseId: contact.caseId,
    },
  };
}

const PHONE = /^\+?[\d\s().-]{5,30}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The fields as the server takes them. For autosave, values still being typed that the server would
 * refuse (half a phone number, a partial case id) are sent as empty; finishing sends them as typed so
 * the server names the problem.
 */
export function fieldsForServer(fields: DraftFields, strict: boolean): Omit<ContactUpdateInput, 'version'> {
  const text = (value: string | null) => (value && value.trim() ? value.trim() : null);
  const callbackPhone = text(fields.callbackPhone);
  const callerId = text(fields.callerId);
  const caseId = text(fields.caseId);
  const { callerId: _typed, ...rest } = fields;
  void _typed;
  const caller = strict || (callerId && callerId.length >= 3) ? callerId : null;
  return {
    ...rest,
    // The server keeps only a hash of the caller id and never returns it: absent means "unchanged".
    ...(caller ? { callerId: caller } : {}),
    region: text(fields.region),
    notes: fields.notes && fields.notes.trim() ? fields.notes : null,
    callbackPhone: strict || (callbackPhone && PHONE.test(callbackPhone)) ? callbackPhone : null,
    caseId: strict || (caseId && UUID.test(caseId)) ? caseId : null,
    callerSector: fields.callerType === 'professional' ? fields.callerSector : null,
  };
}

/** The draft kept on this device for this user, if any. */
export function readLocalDraft(userId: string): LocalDraft | null {
  try {
    const text = window.localStorage.getItem(PREFIX + userId);
    if (!text) return null;
    const draft = JSON.parse(text) as LocalDraft;
    return draft && typeof draft.idempotencyKey === 'string' && draft.fields ? draft : null;
  } catch {
    return null;
  }
}

/** Keep the draft on this device (or forget it with null). */
export function writeLocalDraft(userId: string, draft: LocalDraft | null): void {
  try {
    if (draft) window.localStorage.setItem(PREFIX + userId, JSON.stringify(draft));
    else window.localStorage.removeItem(PREFIX + userId);
  } catch {
    // Storage full or disabled: the server copy still saves.
  }
}
