import i18n, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/common.schemas';
import { LOCALES } from './lib/enums';

/** Each language named in itself, as the language switcher shows it whatever the current language. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  el: 'Ελληνικά',
  bg: 'Български',
  ro: 'Română',
  sl: 'Slovenščina',
  sr: 'Srpski',
  uk: 'Українська',
  hu: 'Magyar',
  ru: 'Русский',
};

const STORAGE_KEY = 'victor.locale';
const NAMESPACE = 'common';

/** One lazily loaded chunk per language: Vite turns each JSON catalogue into its own file. */
const catalogues = import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' });

const lazyCatalogueBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, _namespace: string, callback: ReadCallback) {
    const load = catalogues[`./locales/${language}.json`];
    if (!load) {
      callback(new Error(`no catalogue for ${language}`), false);
      return;
    }
    load().then(
      (resources) => callback(null, resources as never),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** True when the value is one of the interface languages. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag for a language: Serbian is written in Latin script. */
export function languageTag(locale: string): string {
  return locale === 'sr' ? 'sr-Latn' : locale;
}

/** The locale for dates and numbers: British conventions for English (day before month, 24-hour clock). */
export function formatLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : languageTag(locale);
}

/** The language remembered on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remember the language on this device (used before sign-in and as the next visit's start). */
export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    /* storage can be disabled; the language then lasts for this page only */
  }
}

const PENDING_KEY = 'victor.locale.pending';

/**
 * Note that the language was picked while signed out, so that the next sign-in stores it as the
 * user's preference (kept in localStorage: the choice survives reloads of the sign-in page).
 */
export function setLocaleChoicePending(pending: boolean): void {
  try {
    if (pending) window.localStorage.setItem(PENDING_KEY, '1');
    else window.localStorage.removeItem(PENDING_KEY);
  } catch {
    /* without storage the choice applies to this page only */
  }
}

/** True when a language picked while signed out waits to become the user's preference. */
export function isLocaleChoicePending(): boolean {
  try {
    return window.localStorage.getItem(PENDING_KEY) === '1';
  } catch {
    return false;
  }
}

/** The first language to show: the remembered one, else the browser's, else English. */
export function detectInitialLocale(): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** The current interface language as a Locale. */
export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : 'en';
}

/**
 * Start i18next with the lazy catalogue backend and load the first language before the first render.
 * Keeps `<html lang>` in step with the language.
 */
export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = languageTag(language);
  });
  await i18n
    .use(lazyCatalogueBackend)
    .use(initReactI18next)
    .init({
      lng: detectInitialLocale(),
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      load: 'languageOnly',
      ns: [NAMESPACE],
      defaultNS: NAMESPACE,
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: true },
    });
  document.documentElement.lang = languageTag(i18n.language);
  return i18n;
}

/** Switch the interface language (loading its catalogue first) and remember it on this device. */
export async function switchLanguage(locale: Locale): Promise<void> {
  rememberLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export { i18n };
