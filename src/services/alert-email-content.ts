/**
 * The text of subscriber e-mails: the confirmation mail and the alert mail (headline, a summary of
 * the description, links to the public page and the CAP document, unsubscribe link). Pure.
 */
import { KB_LANGUAGES, type KbLanguage } from '../domain/knowledge/knowledge-fields';
import { ALERT_MAIL_LABELS } from './alert-email-labels';

/** Public paths the mails link to (pages served by the public alert routes). */
export const ALERT_PUBLIC_PATHS = {
  alertPage: (alertId: string, lang: string) => `/child-alerts/${alertId}?lang=${encodeURIComponent(lang)}`,
  capDocument: (identifier: string) => `/cap/${encodeURIComponent(identifier)}.xml`,
  confirm: (token: string) => `/child-alerts/subscriptions/confirm?token=${encodeURIComponent(token)}`,
  unsubscribe: (token: string) => `/child-alerts/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`,
  subscribe: (lang: string) => `/child-alerts/subscribe?lang=${encodeURIComponent(lang)}`,
};

/** One `info` block's texts. */
export interface CapInfoText {
  language: string;
  headline: string;
  description: string;
}

const decodeXml = (s: string) =>
  s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const element = (block: string, name: string) => {
  const m = new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`).exec(block);
  return m ? decodeXml(m[1]!).trim() : '';
};

/** The language, headline and description of each `info` of a CAP document Victor published. */
export function extractCapInfoTexts(xml: string): CapInfoText[] {
  const blocks = xml.match(/<(?:\w+:)?info>[\s\S]*?<\/(?:\w+:)?info>/g) ?? [];
  return blocks.map((b) => ({ language: element(b, 'language') || 'en-US', headline: element(b, 'headline'), description: element(b, 'description') }));
}

/** The info in `lang` (by primary subtag), else English, else the first. */
export function pickInfo(infos: CapInfoText[], lang: string): CapInfoText | undefined {
  const primary = (l: string) => l.toLowerCase().split('-')[0];
  return infos.find((i) => primary(i.language) === lang) ?? infos.find((i) => primary(i.language) === 'en') ?? infos[0];
}

/** A language Victor has mail texts for (English otherwise). */
export function mailLanguage(lang: string): KbLanguage {
  return (KB_LANGUAGES as readonly string[]).includes(lang) ? (lang as KbLanguage) : 'en';
}

/** Cut text to about `max` characters at a word boundary. */
export function summarise(text: string, max = 600): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}…`;
}

/** A mail ready to queue. */
export interface MailText {
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/** The confirmation mail (or "already subscribed" mail) of a subscription. */
export function buildConfirmationMail(origin: string, lang: string, countries: string[], confirmToken: string | null, unsubscribeToken: string): MailText {
  const l = ALERT_MAIL_LABELS[mailLanguage(lang)];
  const unsubscribeUrl = `${origin}${ALERT_PUBLIC_PATHS.unsubscribe(unsubscribeToken)}`;
  if (!confirmToken) {
    return { subject: l.alreadySubject, text: `${l.alreadyIntro}\n\n${l.unsubscribe}: ${unsubscribeUrl}\n`, headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` } };
  }
  const text = [l.confirmIntro.replace('{countries}', countries.join(', ')), '', l.confirmAction, `${origin}${ALERT_PUBLIC_PATHS.confirm(confirmToken)}`, '', l.confirmIgnore, ''].join('\n');
  return { subject: l.confirmSubject, text, headers: {} };
}

/** The mail of one alert message for one subscriber. */
export function buildAlertMail(origin: string, lang: string, message: { id: string; identifier: string; alertId: string; msgType: string }, infos: CapInfoText[], unsubscribeToken: string): MailText | null {
  const info = pickInfo(infos, lang);
  if (!info) return null;
  const l = ALERT_MAIL_LABELS[mailLanguage(lang)];
  const infoLang = info.language.toLowerCase().split('-')[0] ?? 'en';
  const unsubscribeUrl = `${origin}${ALERT_PUBLIC_PATHS.unsubscribe(unsubscribeToken)}`;
  const headline = info.headline.replace(/[\r\n]+/g, ' ').slice(0, 180);
  const text = [
    headline,
    '',
    summarise(info.description),
    '',
    l.call,
    '',
    `${l.moreInfo}: ${origin}${ALERT_PUBLIC_PATHS.alertPage(message.alertId, infoLang)}`,
    `${l.capDocument}: ${origin}${ALERT_PUBLIC_PATHS.capDocument(message.identifier)}`,
    '',
    '-- ',
    l.why,
    `${l.unsubscribe}: ${unsubscribeUrl}`,
    '',
  ].join('\n');
  return { subject: `${l.alertSubjectPrefix}: ${headline}`, text, headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` } };
}
