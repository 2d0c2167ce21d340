/**
 * Layer 1 of the CAP validator: structure and types as in the official CAP 1.2 schema (required
 * elements, enumerations, date-times, integers, decimals, xs:language, at least one category), applied
 * to the model. Older versions (1.1, 1.0, read leniently) are checked against their own enumerations.
 */
import type { CapAlert, CapInfo, CapNamedValue } from './cap-model';
import {
  CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_RESPONSE_TYPES, CAP_SCOPES, CAP_SEVERITIES, CAP_STATUSES, CAP_URGENCIES,
} from './cap-model';
import type { CapIssue } from './cap-issues';
import { makeIssue } from './cap-issues';
import { parseCapTime } from './cap-time';
import { hasInvalidXmlChars } from './cap-xml-text';

export type CapRulesVersion = '1.2' | '1.1' | '1.0';

interface Enums {
  status: readonly string[];
  category: readonly string[];
  responseType: readonly string[];
  certainty: readonly string[];
}

const ENUMS: Record<CapRulesVersion, Enums> = {
  '1.2': { status: CAP_STATUSES, category: CAP_CATEGORIES, responseType: CAP_RESPONSE_TYPES, certainty: CAP_CERTAINTIES },
  '1.1': {
    status: CAP_STATUSES,
    category: CAP_CATEGORIES,
    responseType: ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Monitor', 'Assess', 'None'],
    certainty: [...CAP_CERTAINTIES, 'Very Likely'],
  },
  '1.0': {
    status: ['Actual', 'Exercise', 'System', 'Test'],
    category: CAP_CATEGORIES.filter((c) => c !== 'CBRNE'),
    responseType: [],
    certainty: ['Very Likely', 'Likely', 'Possible', 'Unlikely', 'Unknown'],
  },
};

const XS_LANGUAGE = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

class Checker {
  readonly issues: CapIssue[] = [];
  constructor(readonly enums: Enums) {}
  add(code: string, path: string, message?: string): void {
    this.issues.push(makeIssue(code, 'structure', path, message));
  }
  str(value: unknown, path: string, required: boolean): value is string {
    if (value === undefined || value === null) {
      if (required) this.add('CAP_MISSING_ELEMENT', path, `${path.split('/').pop()} is required`);
      return false;
    }
    if (typeof value !== 'string') {
      this.add('CAP_MISSING_ELEMENT', path, `${path.split('/').pop()} must be text`);
      return false;
    }
    if (hasInvalidXmlChars(value)) this.add('CAP_INVALID_CHARACTER', path);
    return true;
  }
  enumeration(value: unknown, allowed: readonly string[], path: string, required = true): void {
    if (!this.str(value, path, required)) return;
    if (!allowed.includes(value)) this.add('CAP_INVALID_ENUM', path, `"${value.slice(0, 40)}" is not one of ${allowed.join(', ')}`);
  }
  time(value: unknown, path: string, required: boolean): void {
    if (!this.str(value, path, required)) return;
    if (parseCapTime(value) === null) this.add('CAP_INVALID_TIME', path, `"${value.slice(0, 40)}" is not a CAP date-time with explicit offset`);
  }
  integer(value: unknown, path: string): void {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) this.add('CAP_INVALID_INTEGER', path);
  }
  decimal(value: unknown, path: string): void {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.add('CAP_INVALID_DECIMAL', path);
  }
  uri(value: unknown, path: string): void {
    if (!this.str(value, path, false)) return;
    // xs:anyURI is lax; reject only what no URI reference can contain once collapsed.
    if (/[\s<>"{}|\\^`]/.test(value.trim()) || /%(?![0-9A-Fa-f]{2})/.test(value)) this.add('CAP_INVALID_URI', path);
  }
  pairs(list: CapNamedValue[] | undefined, path: string): void {
    (list ?? []).forEach((p, i) => {
      this.str(p?.valueName, `${path}[${i}]/valueName`, true);
      this.str(p?.value, `${path}[${i}]/value`, true);
    });
  }
  array(value: unknown, path: string): value is unknown[] {
    if (value === undefined) return false;
    if (!Array.isArray(value)) {
      this.add('CAP_UNKNOWN_ELEMENT', path, `${path} must be a list`);
      return false;
    }
    return true;
  }
}

function checkInfo(c: Checker, info: CapInfo, ip: string, version: CapRulesVersion): void {
  c.str(info.language, `${ip}/language`, false);
  if (typeof info.language === 'string' && !XS_LANGUAGE.test(info.language)) c.add('CAP_INVALID_LANGUAGE', `${ip}/language`);
  const cats = Array.isArray(info.category) ? info.category : [];
  if (cats.length === 0) c.add('CAP_MISSING_ELEMENT', `${ip}/category`, 'at least one category is required');
  cats.forEach((cat, i) => c.enumeration(cat, c.enums.category, `${ip}/category[${i}]`));
  c.str(info.event, `${ip}/event`, true);
  if (c.array(info.responseType, `${ip}/responseType`)) {
    info.responseType.forEach((rt, i) => c.enumeration(rt, c.enums.responseType, `${ip}/responseType[${i}]`));
  }
  c.enumeration(info.urgency, CAP_URGENCIES, `${ip}/urgency`);
  c.enumeration(info.severity, CAP_SEVERITIES, `${ip}/severity`);
  c.enumeration(info.certainty, c.enums.certainty, `${ip}/certainty`);
  for (const k of ['audience', 'senderName', 'headline', 'description', 'instruction', 'contact'] as const) c.str(info[k], `${ip}/${k}`, false);
  c.pairs(info.eventCode, `${ip}/eventCode`);
  for (const k of ['effective', 'onset', 'expires'] as const) c.time(info[k], `${ip}/${k}`, false);
  c.uri(info.web, `${ip}/web`);
  c.pairs(info.parameter, `${ip}/parameter`);
  (info.resource ?? []).forEach((r, j) => {
    const rp = `${ip}/resource[${j}]`;
    c.str(r.resourceDesc, `${rp}/resourceDesc`, true);
    c.str(r.mimeType, `${rp}/mimeType`, version === '1.2');
    c.integer(r.size, `${rp}/size`);
    c.uri(r.uri, `${rp}/uri`);
    c.str(r.derefUri, `${rp}/derefUri`, false);
    c.str(r.digest, `${rp}/digest`, false);
  });
  (info.area ?? []).forEach((a, j) => {
    const ap = `${ip}/area[${j}]`;
    c.str(a.areaDesc, `${ap}/areaDesc`, true);
    (a.polygon ?? []).forEach((p, k) => c.str(p, `${ap}/polygon[${k}]`, true));
    (a.circle ?? []).forEach((p, k) => c.str(p, `${ap}/circle[${k}]`, true));
    c.pairs(a.geocode, `${ap}/geocode`);
    c.decimal(a.altitude, `${ap}/altitude`);
    c.decimal(a.ceiling, `${ap}/ceiling`);
  });
}

/** Layer 1: structure and types of the official schema, applied to the model. */
export function checkCapStructure(alert: CapAlert, version: CapRulesVersion = '1.2'): CapIssue[] {
  const c = new Checker(ENUMS[version]);
  if (alert === null || typeof alert !== 'object') {
    c.add('CAP_MISSING_ELEMENT', '/alert', 'alert is missing');
    return c.issues;
  }
  c.str(alert.identifier, '/alert/identifier', true);
  c.str(alert.sender, '/alert/sender', true);
  c.time(alert.sent, '/alert/sent', true);
  c.enumeration(alert.status, ENUMS[version].status, '/alert/status');
  c.enumeration(alert.msgType, CAP_MSG_TYPES, '/alert/msgType');
  c.str(alert.source, '/alert/source', false);
  c.enumeration(alert.scope, CAP_SCOPES, '/alert/scope');
  for (const k of ['restriction', 'addresses', 'note', 'references', 'incidents'] as const) c.str(alert[k], `/alert/${k}`, false);
  (alert.code ?? []).forEach((code, i) => c.str(code, `/alert/code[${i}]`, true));
  if (c.array(alert.info, '/alert/info')) alert.info.forEach((info, i) => checkInfo(c, info, `/alert/info[${i}]`, version));
  return c.issues;
}
