import { FALLBACK_LANGUAGE, KB_LANGUAGES, type KbLanguage } from '../../domain/knowledge/knowledge-fields';

/** Is this one of the public site's languages? */
export function isKbLanguage(value: string): value is KbLanguage {
  return (KB_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The best public-site language for an Accept-Language header: the highest-weighted tag whose primary
 * subtag is one of ours ("sr-Latn-RS" -> sr, "el-GR;q=0.8" -> el), English otherwise. Malformed parts are
 * ignored; q=0 means "not this one".
 */
export function pickLanguage(acceptLanguage: string | undefined): KbLanguage {
  if (!acceptLanguage) return FALLBACK_LANGUAGE;
  const ranked: { lang: KbLanguage; q: number; order: number }[] = [];
  acceptLanguage
    .slice(0, 500)
    .split(',')
    .forEach((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const primary = tag.trim().toLowerCase().split('-')[0] ?? '';
      if (!isKbLanguage(primary)) return;
      let q = 1;
      for (const p of params) {
        const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
        if (m) q = Number(m[1]);
      }
      if (q > 0) ranked.push({ lang: primary, q, order });
    });
  ranked.sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.lang ?? FALLBACK_LANGUAGE;
}
