/**
 * The referral packet: a PDF in the receiver's language (DejaVu Sans, so Greek and Cyrillic render) with
 * what the receiver needs and nothing more: case reference, referring desk, stage, urgency, the request,
 * the person's minimum data (names only with consent covering referral or an override), concern level and
 * forms, consent, the answer deadline, the desk's contact and a confidentiality notice. Same access as
 * reading the referral; every download is audited on the case.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LOCALES } from '../api/common.schemas';
import type { ReferralView } from '../api/referrals.schemas';
import * as repo from '../db/repos/referral.repo';
import type { Actor, ServiceContext } from './context';
import { auditReferralRead, buildReferralView, guardReferralAccess, loadReferralReach } from './referral-read.service';
import { packetLabels, type PacketLabelKey, type PacketLabels } from './referral-packet.labels';

type Locale = (typeof LOCALES)[number];
type SenderContact = Awaited<ReturnType<typeof repo.findSenderContact>>;

let fontDirCache: string | null = null;

/** Where the DejaVu TTF files are (the dejavu-fonts-ttf package, resolved from here, else from the working directory). */
export function resolveFontDir(): string {
  if (fontDirCache) return fontDirCache;
  const candidates: string[] = [];
  try {
    candidates.push(path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf'));
  } catch {
    // not resolvable from this module: try the working directory below
  }
  candidates.push(path.resolve('node_modules', 'dejavu-fonts-ttf', 'ttf'));
  const found = candidates.find((d) => existsSync(path.join(d, 'DejaVuSans.ttf')) && existsSync(path.join(d, 'DejaVuSans-Bold.ttf')));
  if (!found) throw new Error('DejaVu fonts not found: install the dejavu-fonts-ttf package');
  fontDirCache = found;
  return found;
}

/** What the packet shows. */
export interface PacketData {
  view: ReferralView;
  contact: SenderContact;
  lang: Locale;
  generatedAt: Date;
}

function intlLocale(lang: Locale): string {
  return lang === 'sr' ? 'sr-Latn' : lang;
}

function formatDate(lang: Locale, iso: string | Date | null): string {
  if (!iso) return '—';
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d)} UTC`;
}

function displayName(lang: Locale, type: 'region' | 'language', code: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(lang)], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

const label = (l: PacketLabels, key: string): string => l[key as PacketLabelKey] ?? key;

/** Render the packet to PDF bytes. */
export async function renderReferralPacket(data: PacketData): Promise<Buffer> {
  const { view, contact, lang } = data;
  const l = packetLabels(lang);
  const fonts = resolveFontDir();
  // Loaded on first use: pdfkit is heavy and most processes never render a packet.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 56, lang, info: { Title: `${l.title} — ${view.caseReference}`, Author: 'Victor', Subject: l.title } });
  doc.registerFont('body', path.join(fonts, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(fonts, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;

  const heading = (text: string) => {
    doc.moveDown(0.8).font('bold').fontSize(11).fillColor('#1f3b57').text(text, { width });
    doc.moveTo(56, doc.y + 2).lineTo(56 + width, doc.y + 2).strokeColor('#9db3c8').lineWidth(0.5).stroke();
    doc.moveDown(0.4).fillColor('black');
  };
  const field = (name: string, value: string) => {
    doc.font('bold').fontSize(9.5).text(`${name}: `, { continued: true, width }).font('body').text(value || '—');
  };
  const para = (text: string, size = 9.5) => doc.font('body').fontSize(size).text(text, { width });

  doc.font('bold').fontSize(16).fillColor('#1f3b57').text(l.title, { width });
  doc.moveDown(0.3).font('bold').fontSize(8).fillColor('#a11d1d').text(l.confidential, { width }).fillColor('black');
  doc.moveDown(0.6);
  field(l.caseReference, view.caseReference);
  field(l.date, formatDate(lang, view.sentAt ?? view.createdAt));
  field(l.referringOrganisation, view.organisation.name);
  field(l.receiver, [view.actor.name, view.actor.city].filter(Boolean).join(', '));
  field(l.stage, [label(l, `stage.${view.stage}`), view.step && view.step.title !== label(l, `stage.${view.stage}`) ? view.step.title : null].filter(Boolean).join(' — '));
  field(l.urgency, label(l, `urgency.${view.urgency}`));
  field(l.slaDue, view.dueAt ? formatDate(lang, view.dueAt) : l.noDeadline);

  heading(l.requestedAction);
  para(view.message ?? l.noMessage);

  heading(l.person);
  const p = view.person;
  if (!p) para(l.noPerson);
  else {
    const names = [p.givenName, p.familyName].filter(Boolean).join(' ');
    field(l.name, names || l.namesWithheld);
    field(l.age, p.ageYears !== null ? `${p.ageYears} ${l.years}` : `${l.ageBand}: ${p.ageBand === 'unknown' ? l.unknown : p.ageBand}`);
    if (p.presumedMinor) field(l.presumedMinor, l.yes);
    field(l.gender, p.gender ? label(l, `gender.${p.gender}`) : l.unknown);
    field(l.nationality, p.nationality ? displayName(lang, 'region', p.nationality) : l.unknown);
    field(l.languages, p.languages.length > 0 ? p.languages.map((x) => displayName(lang, 'language', x)).join(', ') : l.unknown);
  }

  heading(l.concernLevel);
  field(l.concernLevel, view.concernLevel ? label(l, `concern.${view.concernLevel}`) : label(l, 'concern.notScreened'));
  if (view.forms.length > 0) field(l.forms, view.forms.map((f) => label(l, `form.${f}`)).join(', '));
  para(l.advisory, 8);

  heading(l.consent);
  const c = view.consent;
  if (c?.snapshot) {
    field(l.consentGiven, c.snapshot.given ? l.yes : l.no);
    if (c.snapshot.givenBy) field(l.consentGivenBy, label(l, `giver.${c.snapshot.givenBy}`));
    field(l.consentCoversReferral, c.snapshot.coversReferral ? l.yes : l.no);
    field(l.consentRecordedAt, formatDate(lang, c.snapshot.recordedAt));
  } else para(l.consentNotRecorded);
  if (c?.overridden) {
    doc.moveDown(0.3).font('bold').fontSize(9.5).fillColor('#a11d1d').text(l.consentOverride, { width }).fillColor('black');
    field(l.overrideReason, c.overrideReason ?? '—');
    if (c.overriddenBy) field(l.decidedBy, c.overriddenBy.displayName);
  }

  heading(l.contact);
  field(l.referringOrganisation, [contact.name, contact.city].filter(Boolean).join(', '));
  for (const phone of contact.phones) field(phone.label ?? 'Tel.', phone.number);
  if (contact.email) field('E-mail', contact.email);
  if (contact.preparedBy) field(l.preparedBy, `${contact.preparedBy.displayName} <${contact.preparedBy.email}>`);
  doc.moveDown(0.5);
  para(view.actor.inApp ? l.replyInApp : l.replyOffline);

  doc.moveDown(1.2).font('body').fontSize(7.5).fillColor('#555555').text(`${l.generated}: ${formatDate(lang, data.generatedAt)} · ${view.caseReference}`, { width });
  doc.font('bold').fontSize(7.5).fillColor('#a11d1d').text(l.confidential, { width });
  doc.end();
  return done;
}

/**
 * The packet of a referral for a reader who may read it (sender's desk or receiving liaison officer);
 * in `lang`, else the referral's receiver language. Audited as 'case.packet_downloaded'.
 */
export async function getReferralPacket(ctx: ServiceContext, actor: Actor, id: string, lang?: Locale): Promise<{ pdf: Buffer; fileName: string }> {
  const data = await guardReferralAccess(ctx, actor, async (tx) => {
    const reach = await loadReferralReach(tx, actor, id, 'packet');
    const packetLang: Locale = lang ?? ((LOCALES as readonly string[]).includes(reach.row.receiverLanguage) ? (reach.row.receiverLanguage as Locale) : 'en');
    // The packet goes to the receiver: names follow the consent rule whoever downloads it.
    const view = await buildReferralView(tx, ctx, { ...reach, side: 'receiver', receiver: false }, packetLang);
    const contact = await repo.findSenderContact(tx, reach.row.organisationId, reach.row.createdBy);
    await auditReferralRead(tx, actor, reach, 'case.packet_downloaded');
    return { view, contact, lang: packetLang, generatedAt: new Date() };
  });
  const pdf = await renderReferralPacket(data);
  return { pdf, fileName: `referral-${data.view.caseReference}-${data.lang}.pdf` };
}
