import { CHANNELS, type Channel } from '../../../../domain/helpline/contact-fields';

/** A colour per channel, the same on the wallboard and the KPI page (readable on white). */
export const CHANNEL_COLOURS: Record<Channel, string> = {
  phone: '#1864ab',
  hotline_116000: '#c92a2a',
  chat: '#2b8a3e',
  email: '#5f3dc4',
  walk_in: '#e67700',
  web_form: '#0b7285',
  sms: '#a61e4d',
  social_media: '#495057',
};

export { CHANNELS, type Channel };

/** A duration as h:mm:ss (or m:ss under an hour). */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
