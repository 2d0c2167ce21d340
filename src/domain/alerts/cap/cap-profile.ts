/**
 * Layer 3 of the CAP validator: Victor's child-alert profile. A child alert (AMBER-model
 * child-abduction alert or endangered-missing alert) carries category Rescue, a `victor:tier` event
 * code on every info (and SAME `CAE` for child abduction), one info per distinct language, the child's
 * photo as an image resource with SHA-1 digest, expires within the country maximum, the 116 000
 * hotline in contact or instruction, an incidents id, and Update/Cancel messages reference every
 * earlier message of the alert.
 */
import type { CapAlert } from './cap-model';
import type { CapIssue } from './cap-issues';
import { makeIssue } from './cap-issues';
import { parseCapTime } from './cap-time';
import { splitReferences } from './cap-validate-rules';

/** Options of the Victor child-alert profile. */
export interface ChildAlertProfile {
  /** Latest allowed expires (CAP time); every info must expire no later. */
  maxExpires?: string;
  /** Hotline that contact or instruction must give, e.g. "116 000". */
  hotline: string;
  /** Earlier messages of the same alert that an Update/Cancel must reference. */
  earlier?: { sender: string; identifier: string; sent: string }[];
  /** Require the child's photo (false after resolution, when the photo is removed). */
  requirePhoto?: boolean;
}

export const VICTOR_TIER_VALUE_NAME = 'victor:tier';
export const VICTOR_TIERS = ['child_abduction', 'endangered_missing'] as const;

const digitsOf = (s: string): string => s.replace(/\D/g, '');

/** Layer 3: checks the alert against the Victor child-alert profile. */
export function checkChildAlertProfile(alert: CapAlert, profile: ChildAlertProfile): CapIssue[] {
  const issues: CapIssue[] = [];
  const add = (code: string, path: string, message?: string): void => {
    issues.push(makeIssue(code, 'profile', path, message));
  };
  const infos = Array.isArray(alert.info) ? alert.info : [];
  if ((alert.msgType === 'Alert' || alert.msgType === 'Update') && infos.length === 0) add('VICTOR_INFO_REQUIRED', '/alert/info');
  if (!(alert.incidents ?? '').trim()) add('VICTOR_INCIDENTS_REQUIRED', '/alert/incidents');
  const hotline = digitsOf(profile.hotline);
  const maxExpires = profile.maxExpires !== undefined ? parseCapTime(profile.maxExpires) : null;
  const languages = new Set<string>();
  infos.forEach((info, i) => {
    const ip = `/alert/info[${i}]`;
    if (!(info.category ?? []).includes('Rescue')) add('VICTOR_CATEGORY_RESCUE', `${ip}/category`);
    const tiers = (info.eventCode ?? []).filter((c) => c.valueName === VICTOR_TIER_VALUE_NAME);
    const tier = tiers[0]?.value;
    if (tiers.length !== 1 || !(VICTOR_TIERS as readonly string[]).includes(tier ?? '')) add('VICTOR_TIER_CODE', `${ip}/eventCode`);
    if (tier === 'child_abduction' && !(info.eventCode ?? []).some((c) => c.valueName === 'SAME' && c.value === 'CAE')) {
      add('VICTOR_SAME_CAE', `${ip}/eventCode`);
    }
    if (!info.language) add('VICTOR_LANGUAGE_REQUIRED', `${ip}/language`);
    else {
      const key = info.language.toLowerCase();
      if (languages.has(key)) add('VICTOR_LANGUAGE_DUPLICATE', `${ip}/language`, `language "${info.language}" appears in more than one info`);
      languages.add(key);
    }
    const images = (info.resource ?? []).map((r, j) => ({ r, j })).filter(({ r }) => /^image\//i.test(r.mimeType ?? ''));
    if (profile.requirePhoto === true && images.length === 0) add('VICTOR_PHOTO_REQUIRED', `${ip}/resource`);
    for (const { r, j } of images) if (!r.digest) add('VICTOR_PHOTO_DIGEST', `${ip}/resource[${j}]/digest`);
    if (!info.expires) add('VICTOR_EXPIRES_REQUIRED', `${ip}/expires`);
    else if (maxExpires) {
      const exp = parseCapTime(info.expires);
      if (exp && exp.getTime() > maxExpires.getTime()) add('VICTOR_EXPIRES_TOO_LATE', `${ip}/expires`, `expires ${info.expires} is after ${profile.maxExpires}`);
    }
    const text = `${info.contact ?? ''} ${info.instruction ?? ''}`;
    if (hotline === '' || !digitsOf(text).includes(hotline)) add('VICTOR_HOTLINE_MISSING', `${ip}/contact`, `contact or instruction must give ${profile.hotline}`);
  });
  if ((alert.msgType === 'Update' || alert.msgType === 'Cancel') && profile.earlier && profile.earlier.length > 0) {
    const refs = splitReferences(alert.references);
    const missing = profile.earlier.filter((e) => {
      const t = parseCapTime(e.sent)?.getTime();
      return !refs.some((r) => r.sender === e.sender && r.identifier === e.identifier && (r.sent === e.sent || (t !== undefined && parseCapTime(r.sent)?.getTime() === t)));
    });
    if (missing.length > 0) {
      add('VICTOR_REFERENCES_INCOMPLETE', '/alert/references', `missing references to ${missing.map((m) => m.identifier).join(', ')}`);
    }
  }
  return issues;
}
