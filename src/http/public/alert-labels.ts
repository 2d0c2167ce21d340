import type { KbLanguage } from '../../domain/knowledge/knowledge-fields';
import { ALERT_LABELS_GREEK_CYRILLIC } from './alert-labels-greek-cyrillic.data';
import { ALERT_LABELS_LATIN } from './alert-labels-latin.data';

/** Texts of the public child-alert pages, feeds and widget (the page chrome comes from public-labels). */
export interface AlertLabels {
  title: string;
  feedTitle: string;
  intro: string;
  noActive: string;
  tierChildAbduction: string;
  tierEndangeredMissing: string;
  photoAlt: string;
  noPhoto: string;
  name: string;
  age: string;
  /** "{n} years old". */
  ageYears: string;
  description: string;
  lastSeen: string;
  suspect: string;
  vehicle: string;
  whatToDo: string;
  callHotline: string;
  /** "Alert issued by {authority}". */
  issuedBy: string;
  issued: string;
  expires: string;
  area: string;
  mapLabel: string;
  foundTitle: string;
  foundBody: string;
  endedTitle: string;
  endedBody: string;
  withdrawnTitle: string;
  withdrawnBody: string;
  feed: string;
  capDocument: string;
  shareHeading: string;
  widgetHeading: string;
  widgetIntro: string;
  viewAlert: string;
  allAlerts: string;
  statusActive: string;
  statusEnded: string;
}

const LABELS: Record<KbLanguage, AlertLabels> = { ...ALERT_LABELS_LATIN, ...ALERT_LABELS_GREEK_CYRILLIC };

/** The child-alert labels of a language. */
export function getAlertLabels(lang: KbLanguage): AlertLabels {
  return LABELS[lang];
}

/** Fill "{name}" placeholders. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
