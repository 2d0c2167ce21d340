/**
 * One-call check of a CAP document: parse (strict or lenient) and validate, merging parser structure
 * issues with validator issues. Used by ingest and by the conformance tests.
 */
import type { CapAlert } from './cap-model';
import type { CapIssue } from './cap-issues';
import type { CapParseOptions, CapVersion } from './cap-parse';
import { parseCapXml } from './cap-parse';
import type { CapValidateOptions } from './cap-validate';
import { hasNoErrors, validateCapAlert } from './cap-validate';

export interface CapDocumentCheck {
  /** The document could be read as CAP (false: refused or unreadable). */
  parsed: boolean;
  /** Refused before parsing (DOCTYPE, entities, XInclude, PI, oversize). */
  rejected: boolean;
  version?: CapVersion;
  alert?: CapAlert;
  /** Layer 1 (schema structure and types) passes. */
  structureValid: boolean;
  /** Layers 1 and 2 pass (and layer 3 when a profile was given). */
  valid: boolean;
  issues: CapIssue[];
}

/** Parses and validates a CAP document in one step; never throws. */
export function checkCapDocument(xml: string | Uint8Array, opts: CapParseOptions & Pick<CapValidateOptions, 'profile'> = {}): CapDocumentCheck {
  const parsed = parseCapXml(xml, opts);
  if (!parsed.ok) return { parsed: false, rejected: parsed.rejected, structureValid: false, valid: false, issues: parsed.issues };
  const validation = validateCapAlert(parsed.alert, { version: parsed.version, ...(opts.profile ? { profile: opts.profile } : {}) });
  const seen = new Set<string>();
  const issues: CapIssue[] = [];
  for (const i of [...parsed.warnings, ...validation.issues]) {
    const key = `${i.code}|${i.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(i);
    }
  }
  return {
    parsed: true,
    rejected: false,
    version: parsed.version,
    alert: parsed.alert,
    structureValid: hasNoErrors(issues.filter((i) => i.layer === 'structure')),
    valid: hasNoErrors(issues),
    issues,
  };
}
