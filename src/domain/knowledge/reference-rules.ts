import { buildScopeFilter, canAccessRecord, hasPermission, type Principal } from '../access/scope';
import { canEditKnowledge, canReviewKnowledge } from './knowledge-access';
import { HELPLINE_KINDS, type DirectoryKind, type InstrumentKind } from './knowledge-fields';

/**
 * Who may change the legal instruments register and the directory, and small pure rules about them.
 * International, Council of Europe and EU instruments are regional: only region-wide editors change them;
 * a national instrument and a country's status with an instrument belong to that country's desk.
 */

/** Where an instrument sits: its kind and, for a national one, its country. */
export interface InstrumentLocation {
  kind: InstrumentKind | string;
  countryCode: string | null;
}

/** True for international, Council of Europe and EU instruments (no country of their own). */
export function isRegionalInstrument(kind: InstrumentKind | string): boolean {
  return kind !== 'national';
}

/** True when the principal's grants of a permission reach the whole region. */
function holdsRegionWide(principal: Principal, permission: 'knowledge.write' | 'knowledge.review'): boolean {
  return buildScopeFilter(principal, permission).all;
}

/** May the principal change an instrument's own fields (title, dates, summaries…)? */
export function canEditInstrument(principal: Principal, instrument: InstrumentLocation): boolean {
  if (isRegionalInstrument(instrument.kind) || instrument.countryCode === null) return holdsRegionWide(principal, 'knowledge.write');
  return canEditKnowledge(principal, { organisationId: null, countryCode: instrument.countryCode });
}

/** May the principal confirm an instrument's facts (clear its review flag)? */
export function canConfirmInstrument(principal: Principal, instrument: InstrumentLocation): boolean {
  if (isRegionalInstrument(instrument.kind) || instrument.countryCode === null) return holdsRegionWide(principal, 'knowledge.review');
  return canReviewKnowledge(principal, { organisationId: null, countryCode: instrument.countryCode });
}

/** May the principal record where a country stands with an instrument? That country's editors or the region's. */
export function canSetInstrumentStatus(principal: Principal, countryCode: string): boolean {
  return canAccessRecord(principal, 'knowledge.write', { organisationId: null, countryCode });
}

/** May the principal mark a country's status as confirmed? That country's reviewers or the region's. */
export function canConfirmInstrumentStatus(principal: Principal, countryCode: string): boolean {
  return canAccessRecord(principal, 'knowledge.review', { organisationId: null, countryCode });
}

/** Where a directory entry sits: its country and, when it describes one of ours, the organisation. */
export interface DirectoryLocation {
  countryCode: string;
  organisationId: string | null;
}

/** May the principal change, or archive, a directory entry? */
export function canEditDirectoryEntry(principal: Principal, entry: DirectoryLocation): boolean {
  return hasPermission(principal, 'knowledge.write') && canEditKnowledge(principal, entry);
}

/** May the principal verify a directory entry (confirm its numbers and details)? */
export function canVerifyDirectoryEntry(principal: Principal, entry: DirectoryLocation): boolean {
  return canReviewKnowledge(principal, entry);
}

/** True for kinds the public can call (116 000, 116 111, national THB hotlines). */
export function isHelplineKind(kind: DirectoryKind | string): boolean {
  return (HELPLINE_KINDS as readonly string[]).includes(kind);
}

/** A `YYYY-MM-DD` date's year, or null. */
export function yearOf(isoDate: string | null): number | null {
  if (!isoDate) return null;
  const year = Number(isoDate.slice(0, 4));
  return Number.isInteger(year) ? year : null;
}
