/**
 * Layer 2 of the CAP validator: the rules of CAP 1.2 section 3 that the schema cannot express
 * (identifier/sender characters, references triples, polygons, circles, scope dependencies,
 * ceiling/altitude, language tags, digests, sizes).
 */
import type { CapAlert } from './cap-model';
import type { CapIssue } from './cap-issues';
import { makeIssue } from './cap-issues';
import { CAP_TIME_PATTERN } from './cap-time';

const RESTRICTED = /[\s,<&]/;
/** BCP 47 / RFC 3066 language tag (well-formedness, including private use and grandfathered i-*). */
const LANGUAGE_TAG =
  /^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z\d]{2,8})+)*(?:-[xX](?:-[A-Za-z\d]{1,8})+)?|[xX](?:-[A-Za-z\d]{1,8})+|[iI]-[A-Za-z]{2,8})$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function push(issues: CapIssue[], code: string, path: string, message?: string, severity: 'error' | 'warning' = 'error'): void {
  issues.push(makeIssue(code, 'rules', path, message, severity));
}

function parsePair(s: string): [number, number] | null {
  const parts = s.split(',');
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  if (!NUMBER.test(a) || !NUMBER.test(b)) return null;
  return [Number(a), Number(b)];
}

function checkCoordinate(issues: CapIssue[], [lat, lon]: [number, number], path: string): void {
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) push(issues, 'CAP_COORDINATE_RANGE', path, `coordinate ${lat},${lon} is out of range`);
}

/** Checks one polygon text; exported for the profile and for tests. */
export function checkPolygon(issues: CapIssue[], polygon: string, path: string): void {
  const tokens = polygon.trim().split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) return; // an empty <polygon/> occurs in real feeds and carries no area
  const pairs = tokens.map(parsePair);
  if (pairs.some((p) => p === null)) {
    push(issues, 'CAP_POLYGON_FORMAT', path);
    return;
  }
  const pts = pairs as [number, number][];
  if (pts.length < 4) push(issues, 'CAP_POLYGON_TOO_FEW_POINTS', path, `polygon has ${pts.length} pairs; at least 4 are needed`);
  const first = pts[0] as [number, number];
  const last = pts[pts.length - 1] as [number, number];
  if (first[0] !== last[0] || first[1] !== last[1]) push(issues, 'CAP_POLYGON_NOT_CLOSED', path);
  pts.forEach((p, i) => checkCoordinate(issues, p, `${path}#${i}`));
}

/** Checks one circle text ("lat,lon radius"). */
export function checkCircle(issues: CapIssue[], circle: string, path: string): void {
  if (circle.trim() === '') return;
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(circle);
  const centre = m ? parsePair(m[1] as string) : null;
  const radius = m?.[2];
  if (!m || !centre || radius === undefined || !NUMBER.test(radius) || Number(radius) < 0) {
    push(issues, 'CAP_CIRCLE_FORMAT', path);
    return;
  }
  checkCoordinate(issues, centre, path);
}

/** Validates a references value: non-empty list of sender,identifier,sent triples. */
export function checkReferences(issues: CapIssue[], references: string, path: string): void {
  const items = references.trim().split(/\s+/).filter((t) => t !== '');
  if (items.length === 0) {
    push(issues, 'CAP_REFERENCES_EMPTY', path);
    return;
  }
  for (const item of items) {
    const parts = item.split(',');
    const ok =
      parts.length === 3 &&
      parts[0] !== '' &&
      parts[1] !== '' &&
      !/[<&]/.test(item) &&
      CAP_TIME_PATTERN.test(parts[2] as string);
    if (!ok) push(issues, 'CAP_REFERENCES_FORMAT', path, `"${item.slice(0, 120)}" is not a sender,identifier,sent triple`);
  }
}

/** Splits references into triples (only the well-formed ones). */
export function splitReferences(references: string | undefined): { sender: string; identifier: string; sent: string }[] {
  return (references ?? '')
    .trim()
    .split(/\s+/)
    .map((t) => t.split(','))
    .filter((p) => p.length === 3)
    .map(([sender, identifier, sent]) => ({ sender: sender as string, identifier: identifier as string, sent: sent as string }));
}

/** Layer 2: CAP 1.2 section 3 rules. Assumes layer-1 types were checked (skips absent values). */
export function checkSectionThreeRules(alert: CapAlert): CapIssue[] {
  const issues: CapIssue[] = [];
  if (typeof alert.identifier === 'string') {
    if (alert.identifier.trim() === '') push(issues, 'CAP_EMPTY_VALUE', '/alert/identifier', 'identifier is empty');
    else if (RESTRICTED.test(alert.identifier)) push(issues, 'CAP_IDENTIFIER_CHARS', '/alert/identifier');
  }
  if (typeof alert.sender === 'string') {
    if (alert.sender.trim() === '') push(issues, 'CAP_EMPTY_VALUE', '/alert/sender', 'sender is empty');
    else if (RESTRICTED.test(alert.sender)) push(issues, 'CAP_SENDER_CHARS', '/alert/sender');
  }
  if (alert.scope === 'Restricted' && !(alert.restriction ?? '').trim()) push(issues, 'CAP_RESTRICTION_REQUIRED', '/alert/restriction');
  if (alert.scope === 'Private' && !(alert.addresses ?? '').trim()) push(issues, 'CAP_ADDRESSES_REQUIRED', '/alert/addresses');
  if (alert.references !== undefined) checkReferences(issues, alert.references, '/alert/references');
  else if (alert.msgType === 'Update' || alert.msgType === 'Cancel' || alert.msgType === 'Ack' || alert.msgType === 'Error') {
    push(issues, 'CAP_REFERENCES_RECOMMENDED', '/alert/references', undefined, 'warning');
  }
  (alert.info ?? []).forEach((info, i) => {
    const ip = `/alert/info[${i}]`;
    if (info.language !== undefined && !LANGUAGE_TAG.test(info.language)) push(issues, 'CAP_LANGUAGE_TAG', `${ip}/language`);
    if (typeof info.event === 'string' && info.event.trim() === '') push(issues, 'CAP_EMPTY_VALUE', `${ip}/event`, 'event is empty');
    if (info.web !== undefined && info.web !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(info.web)) push(issues, 'CAP_WEB_NOT_ABSOLUTE', `${ip}/web`);
    (info.eventCode ?? []).forEach((c, j) => {
      if (c.valueName === 'SAME' && !/^[A-Z]{3}$/.test(c.value)) push(issues, 'CAP_SAME_CODE_FORMAT', `${ip}/eventCode[${j}]`, `SAME event code "${c.value.slice(0, 20)}" is not three capital letters`);
    });
    (info.resource ?? []).forEach((r, j) => {
      const rp = `${ip}/resource[${j}]`;
      if (r.digest !== undefined && !/^[0-9a-fA-F]{40}$/.test(r.digest.trim())) push(issues, 'CAP_DIGEST_FORMAT', `${rp}/digest`);
      if (typeof r.size === 'number' && Number.isFinite(r.size) && r.size < 0) push(issues, 'CAP_SIZE_NEGATIVE', `${rp}/size`);
    });
    (info.area ?? []).forEach((a, j) => {
      const ap = `${ip}/area[${j}]`;
      (a.polygon ?? []).forEach((p, k) => checkPolygon(issues, p, `${ap}/polygon[${k}]`));
      (a.circle ?? []).forEach((c, k) => checkCircle(issues, c, `${ap}/circle[${k}]`));
      (a.geocode ?? []).forEach((g, k) => {
        if (g.valueName === 'SAME' && !/^\d{6}$/.test(g.value)) push(issues, 'CAP_SAME_CODE_FORMAT', `${ap}/geocode[${k}]`, `SAME geocode "${g.value.slice(0, 20)}" is not six digits`);
      });
      if (a.ceiling !== undefined && a.altitude === undefined) push(issues, 'CAP_CEILING_WITHOUT_ALTITUDE', `${ap}/ceiling`);
      if (a.ceiling !== undefined && a.altitude !== undefined && a.ceiling < a.altitude) push(issues, 'CAP_CEILING_BELOW_ALTITUDE', `${ap}/ceiling`);
    });
  });
  return issues;
}
