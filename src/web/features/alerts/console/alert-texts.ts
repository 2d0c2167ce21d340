import type { i18n as I18n } from 'i18next';
import type { AlertFormValues, TextInputs } from './alert-form-model';

/** Load the catalogues of the alert's languages (the interface may be in another one). */
export async function loadTextLanguages(i18n: I18n, languages: readonly string[]): Promise<void> {
  await i18n.loadLanguages([...languages]);
}

/** Template texts in `lang` from what the form knows about the child (gaps become "…"); they mention the hotline. */
export function templateTexts(i18n: I18n, lang: string, values: AlertFormValues, hotline: string): TextInputs {
  const t = i18n.getFixedT(lang);
  const gap = '…';
  const vars = {
    name: values.childName.trim() || gap,
    age: String(values.ageYears).trim() || gap,
    place: values.lastSeenPlace.trim() || gap,
    time: values.lastSeenAt ? new Date(values.lastSeenAt).toLocaleString(lang === 'sr' ? 'sr-Latn' : lang, { dateStyle: 'medium', timeStyle: 'short' }) : gap,
    description: values.childDescription.trim() || gap,
    hotline,
  };
  return {
    headline: t(`alerts.templates.headline.${values.tier}`, vars),
    description: t('alerts.templates.description', vars),
    instruction: t('alerts.templates.instruction', vars),
  };
}
