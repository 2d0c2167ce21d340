/**
 * Builds the CAP 1.2 message of a child alert (pure): Alert when issued, Update when updated,
 * extended or repeated, Cancel when resolved (child found: AllClear), cancelled or expired; a
 * Restricted Alert for pre-alerts to neighbouring desks. Closing and redacted messages carry no
 * personal data and no photo.
 */
import type { CapAlert, CapArea, CapInfo, CapNamedValue, CapResource } from './cap/cap-model';
import { formatCapTime } from './cap/cap-time';
import { messageTextsFor } from './alert-message-texts';

/** Why a message is published (alert_messages.reason). */
export type AlertMessageReason = 'issued' | 'updated' | 'extended' | 'repeated' | 'resolved' | 'cancelled' | 'expired' | 'pre_alert';
export const CLOSING_REASONS: readonly AlertMessageReason[] = ['resolved', 'cancelled', 'expired'];

/** Per-language texts the drafter wrote. */
export interface AlertMessageText {
  headline: string;
  description: string;
  instruction: string;
}

/** The published content of an alert (see alertContentSchema). */
export interface AlertMessageContent {
  child: { name: string; ageYears: number | null; gender: string; description: string };
  lastSeen: { at: string; place: string };
  suspect: string | null;
  vehicle: string | null;
  texts: Partial<Record<string, AlertMessageText>>;
}

/** A "sender,identifier,sent" triple of an earlier message. */
export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

/** Everything a message is built from. */
export interface AlertMessageInput {
  alert: {
    id: string;
    reference: string;
    incidentId: string;
    countryCode: string;
    tier: 'child_abduction' | 'endangered_missing';
    mode: 'actual' | 'exercise' | 'test';
    areaDesc: string;
    areaPolygons: readonly string[];
    areaCircles: readonly string[];
    areaCountries: readonly string[];
  };
  settings: { sender: string; senderName: string; hotline: string; repeatMinutes: number };
  reason: AlertMessageReason;
  seq: number;
  sent: Date;
  expires: Date;
  /** Languages of the info blocks, in order. */
  languages: readonly string[];
  /** Null for closing messages and redacted variants. */
  content: AlertMessageContent | null;
  photo: { id: string; mediaType: string; sizeBytes: number; sha1: string } | null;
  /** Earlier messages referenced (own chain, then the origin's latest for a neighbour's alert). */
  references: readonly CapReference[];
  /** Pre-alert: the desks' countries named in the restriction. */
  restrictedTo?: readonly string[];
  /** Public base URL (no trailing slash). */
  baseUrl: string;
  /** Build the redacted variant of an earlier message (after resolution). */
  redacted?: boolean;
}

/** The CAP identifier of an alert's n-th message: unique, no spaces, commas, < or &. */
export function buildMessageIdentifier(countryCode: string, reference: string, seq: number): string {
  const safe = reference.replace(/[^A-Za-z0-9._-]/g, '-');
  return `urn:victor:alert:${countryCode.toLowerCase()}:${safe}:${seq}`;
}

/** The CAP reference triple of a message. */
export function referenceTriple(ref: CapReference): string {
  return `${ref.sender},${ref.identifier},${ref.sent}`;
}

/** msgType of a message by reason. */
export function msgTypeFor(reason: AlertMessageReason): 'Alert' | 'Update' | 'Cancel' {
  if (reason === 'issued' || reason === 'pre_alert') return 'Alert';
  if (CLOSING_REASONS.includes(reason)) return 'Cancel';
  return 'Update';
}

/** CAP status by alert mode (drills: Exercise / Test). */
export function capStatusFor(mode: 'actual' | 'exercise' | 'test'): 'Actual' | 'Exercise' | 'Test' {
  return mode === 'actual' ? 'Actual' : mode === 'exercise' ? 'Exercise' : 'Test';
}

/** The public page of an alert and the public address of its photo. */
export function publicAlertUrl(baseUrl: string, alertId: string): string {
  return `${baseUrl}/child-alerts/${alertId}`;
}
export function publicPhotoUrl(baseUrl: string, resourceId: string): string {
  return `${baseUrl}/child-alerts/photos/${resourceId}`;
}

function describeChild(content: AlertMessageContent, text: AlertMessageText, language: string): string {
  const t = messageTextsFor(language);
  const lines = [text.description, ''];
  const age = content.child.ageYears !== null ? `, ${content.child.ageYears}` : '';
  lines.push(`${t.child}: ${content.child.name}${age}. ${content.child.description}`);
  lines.push(`${t.lastSeen}: ${content.lastSeen.place} (${formatCapTime(new Date(content.lastSeen.at))})`);
  if (content.suspect) lines.push(`${t.suspect}: ${content.suspect}`);
  if (content.vehicle) lines.push(`${t.vehicle}: ${content.vehicle}`);
  return lines.join('\n');
}

function buildArea(input: AlertMessageInput): CapArea {
  return {
    areaDesc: input.alert.areaDesc,
    polygon: [...input.alert.areaPolygons],
    circle: [...input.alert.areaCircles],
    geocode: input.alert.areaCountries.map((c) => ({ valueName: 'ISO3166-1', value: c })),
  };
}

function closingHeadline(reason: AlertMessageReason, language: string): string {
  const t = messageTextsFor(language);
  if (reason === 'resolved') return t.found;
  if (reason === 'cancelled') return t.cancelled;
  return t.expired;
}

function buildInfo(input: AlertMessageInput, language: string): CapInfo {
  const t = messageTextsFor(language);
  const closing = CLOSING_REASONS.includes(input.reason);
  const live = !closing && !input.redacted && input.content !== null;
  const text = live ? (input.content!.texts[language] ?? Object.values(input.content!.texts)[0]) : undefined;
  const eventCode: CapNamedValue[] = [];
  if (input.alert.tier === 'child_abduction') eventCode.push({ valueName: 'SAME', value: 'CAE' });
  eventCode.push({ valueName: 'victor:tier', value: input.alert.tier });
  const parameter: CapNamedValue[] = [{ valueName: 'victor:reference', value: input.alert.reference }];
  if (live && input.settings.repeatMinutes > 0) parameter.push({ valueName: 'victor:repeatMinutes', value: String(input.settings.repeatMinutes) });
  const resource: CapResource[] = [];
  if (live && input.photo) {
    resource.push({ resourceDesc: t.photo, mimeType: input.photo.mediaType, size: input.photo.sizeBytes, uri: publicPhotoUrl(input.baseUrl, input.photo.id), digest: input.photo.sha1 });
  }
  const info: CapInfo = {
    language,
    category: ['Rescue'],
    event: input.alert.tier === 'child_abduction' ? t.eventAbduction : t.eventEndangered,
    responseType: [input.reason === 'resolved' ? 'AllClear' : closing ? 'None' : 'Monitor'],
    // Closing messages: nothing more to do (Past / Minor); the child being found is observed.
    urgency: closing ? 'Past' : 'Immediate',
    severity: closing ? 'Minor' : 'Severe',
    certainty: input.reason === 'resolved' ? 'Observed' : closing ? 'Unknown' : 'Likely',
    eventCode,
    expires: formatCapTime(input.expires),
    senderName: input.settings.senderName,
    parameter,
    resource,
    area: [buildArea(input)],
    contact: input.settings.hotline,
    web: publicAlertUrl(input.baseUrl, input.alert.id),
  };
  if (text) {
    info.headline = text.headline;
    info.description = describeChild(input.content!, text, language);
    info.instruction = `${text.instruction}\n${t.call} ${input.settings.hotline}.`;
  } else if (closing) {
    info.headline = closingHeadline(input.reason, language);
    info.description = t.ended;
  } else {
    info.headline = t.ended;
    info.description = t.ended;
  }
  return info;
}

/** Build the CAP alert of a message (pure). */
export function buildAlertMessage(input: AlertMessageInput): CapAlert {
  const pre = input.reason === 'pre_alert';
  const cap: CapAlert = {
    identifier: buildMessageIdentifier(input.alert.countryCode, input.alert.reference, input.seq),
    sender: input.settings.sender,
    sent: formatCapTime(input.sent),
    status: capStatusFor(input.alert.mode),
    msgType: msgTypeFor(input.reason),
    scope: pre ? 'Restricted' : 'Public',
    code: [],
    incidents: input.alert.incidentId,
    info: input.languages.map((l) => buildInfo(input, l)),
  };
  if (pre) cap.restriction = `Pre-alert for the child-alert desks of ${(input.restrictedTo ?? []).join(', ')}`;
  if (input.references.length > 0) cap.references = input.references.map(referenceTriple).join(' ');
  return cap;
}

/** The redacted variant of an earlier message: same identity, no name, description or photo. */
export function buildRedactedMessage(input: AlertMessageInput): CapAlert {
  return buildAlertMessage({ ...input, content: null, photo: null, redacted: true });
}

/** The info languages of a live message: the country's languages that have texts, then any others. */
export function messageLanguages(countryLanguages: readonly string[], texts: Partial<Record<string, unknown>>): string[] {
  const have = Object.keys(texts).filter((k) => texts[k] !== undefined);
  return [...countryLanguages.filter((l) => have.includes(l)), ...have.filter((l) => !countryLanguages.includes(l))];
}

/** Truncate to whole seconds (CAP times have no fractions; stored times must match the XML). */
export function capInstant(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
