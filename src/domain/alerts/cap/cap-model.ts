/**
 * Victor's typed model of a CAP 1.2 alert message (OASIS Common Alerting Protocol, version 1.2).
 * Field names follow the element names of the specification; repeated elements are arrays, in
 * document order. Times are kept as the CAP text ("2026-11-30T14:05:00+02:00") so a parse →
 * serialize → parse round trip preserves them exactly.
 */

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

export type CapStatus = (typeof CAP_STATUSES)[number];
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];
export type CapScope = (typeof CAP_SCOPES)[number];
export type CapCategory = (typeof CAP_CATEGORIES)[number];
export type CapResponseType = (typeof CAP_RESPONSE_TYPES)[number];
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** <eventCode>, <parameter>, <geocode>: a name/value pair. */
export interface CapNamedValue {
  valueName: string;
  value: string;
}

/** <resource>: a file with supplemental information (the child's photo in a child alert). */
export interface CapResource {
  resourceDesc: string;
  mimeType: string;
  size?: number;
  uri?: string;
  derefUri?: string;
  /** SHA-1 of the resource, hex (CAP 1.2 section 3.2.3). */
  digest?: string;
}

/** <area>: polygons and circles as CAP text ("lat,lon lat,lon …", "lat,lon radiusKm"). */
export interface CapArea {
  areaDesc: string;
  polygon: string[];
  circle: string[];
  geocode: CapNamedValue[];
  altitude?: number;
  ceiling?: number;
}

/** <info>: one per language. */
export interface CapInfo {
  language?: string;
  category: CapCategory[];
  event: string;
  responseType: CapResponseType[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  audience?: string;
  eventCode: CapNamedValue[];
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  web?: string;
  contact?: string;
  parameter: CapNamedValue[];
  resource: CapResource[];
  area: CapArea[];
}

/** <alert>: the message. */
export interface CapAlert {
  identifier: string;
  sender: string;
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  source?: string;
  scope: CapScope;
  restriction?: string;
  addresses?: string;
  code: string[];
  note?: string;
  /** Space-separated "sender,identifier,sent" triples of earlier messages. */
  references?: string;
  incidents?: string;
  info: CapInfo[];
}
