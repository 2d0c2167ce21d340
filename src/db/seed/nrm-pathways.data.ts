/**
 * The demo outline of a National Referral Mechanism (after the OSCE/ODIHR NRM handbook's stages), used for
 * every VICTOR partner country of the demo network. The answer times are illustrative demo values: each
 * country desk confirms its own mechanism, stages and times (the pathways are flagged for review).
 */
import type { NrmStage } from '../../domain/knowledge/knowledge-fields';

/** One stage of the demo outline. */
export interface DemoPathwayStage {
  stage: NrmStage;
  /** Hours the receiving actor has to answer, then to act. */
  slaHours: number;
  titles: Record<string, string>;
  descriptions: Record<string, string>;
}

/** The pathway's title in the interface languages. */
export const DEMO_PATHWAY_TITLES: Record<string, string> = {
  en: 'National Referral Mechanism for child victims of trafficking (demo outline)',
  el: 'Εθνικός Μηχανισμός Παραπομπής για παιδιά θύματα εμπορίας ανθρώπων (ενδεικτικό σχήμα)',
  bg: 'Национален механизъм за насочване на деца – жертви на трафик (примерна схема)',
  ro: 'Mecanismul național de referire pentru copiii victime ale traficului (schiță demonstrativă)',
  sl: 'Nacionalni mehanizem napotitve za otroke, žrtve trgovine z ljudmi (predstavitveni oris)',
  sr: 'Nacionalni mehanizam upućivanja za decu žrtve trgovine ljudima (demonstracioni prikaz)',
  uk: 'Національний механізм перенаправлення для дітей — жертв торгівлі людьми (демонстраційна схема)',
  hu: 'Nemzeti beutalási mechanizmus emberkereskedelem gyermek áldozatai számára (bemutató vázlat)',
  ru: 'Национальный механизм перенаправления для детей — жертв торговли людьми (демонстрационная схема)',
};

/** Notes shown with every demo pathway. */
export const DEMO_PATHWAY_NOTES =
  'Demo outline generated for the demo network: stages follow the OSCE/ODIHR NRM handbook, actors are the demo directory entries serving each stage, and the answer times are illustrative demo values. To be confirmed (or replaced) by the country desk before real use.';

export const DEMO_PATHWAY_STAGES: DemoPathwayStage[] = [
  {
    stage: 'identification',
    slaHours: 24,
    titles: {
      en: 'Identification', el: 'Αναγνώριση', bg: 'Идентификация', ro: 'Identificare', sl: 'Identifikacija',
      sr: 'Identifikacija', uk: 'Ідентифікація', hu: 'Azonosítás', ru: 'Идентификация',
    },
    descriptions: { en: 'The competent authority assesses the signs and formally identifies the child as a (presumed) victim; the child is protected meanwhile.' },
  },
  {
    stage: 'first_assistance',
    slaHours: 24,
    titles: {
      en: 'First assistance and protection', el: 'Πρώτη συνδρομή και προστασία', bg: 'Първоначална помощ и защита', ro: 'Asistență inițială și protecție',
      sl: 'Prva pomoč in zaščita', sr: 'Prva pomoć i zaštita', uk: 'Первинна допомога та захист', hu: 'Azonnali segítség és védelem', ru: 'Первичная помощь и защита',
    },
    descriptions: { en: 'Safe accommodation, medical care, a guardian or representative, interpretation and information about rights, without conditions.' },
  },
  {
    stage: 'long_term_assistance',
    slaHours: 168,
    titles: {
      en: 'Long-term assistance and inclusion', el: 'Μακροχρόνια συνδρομή και ένταξη', bg: 'Дългосрочна помощ и приобщаване', ro: 'Asistență pe termen lung și incluziune',
      sl: 'Dolgoročna pomoč in vključevanje', sr: 'Dugoročna pomoć i uključivanje', uk: 'Довгострокова допомога та інтеграція', hu: 'Hosszú távú segítség és beilleszkedés', ru: 'Долгосрочная помощь и интеграция',
    },
    descriptions: { en: 'A care plan in the child’s best interests: schooling, psychological support, legal aid and a durable solution.' },
  },
  {
    stage: 'return_reintegration',
    slaHours: 168,
    titles: {
      en: 'Return and reintegration', el: 'Επιστροφή και επανένταξη', bg: 'Връщане и реинтеграция', ro: 'Returnare și reintegrare',
      sl: 'Vrnitev in ponovno vključevanje', sr: 'Povratak i reintegracija', uk: 'Повернення та реінтеграція', hu: 'Hazatérés és visszailleszkedés', ru: 'Возвращение и реинтеграция',
    },
    descriptions: { en: 'Only after a risk and best-interests assessment: family tracing, safe return and follow-up with the country of origin.' },
  },
  {
    stage: 'proceedings',
    slaHours: 72,
    titles: {
      en: 'Criminal and civil proceedings', el: 'Ποινικές και αστικές διαδικασίες', bg: 'Наказателно и гражданско производство', ro: 'Proceduri penale și civile',
      sl: 'Kazenski in civilni postopki', sr: 'Krivični i građanski postupci', uk: 'Кримінальне та цивільне провадження', hu: 'Büntető- és polgári eljárások', ru: 'Уголовное и гражданское производство',
    },
    descriptions: { en: 'Child-friendly hearings, protection as a witness, legal representation and compensation claims.' },
  },
  {
    stage: 'cross_border',
    slaHours: 72,
    titles: {
      en: 'Cross-border cooperation', el: 'Διασυνοριακή συνεργασία', bg: 'Трансгранично сътрудничество', ro: 'Cooperare transfrontalieră',
      sl: 'Čezmejno sodelovanje', sr: 'Prekogranična saradnja', uk: 'Транскордонна співпраця', hu: 'Határokon átnyúló együttműködés', ru: 'Трансграничное сотрудничество',
    },
    descriptions: { en: 'Contact with the authorities and desks of the other country involved (origin, transit or destination), through the national coordinator or liaison officers.' },
  },
];

/** The demo police unit that answers referrals in the app (linked to the organisation `gr-police-thb`). */
export const DEMO_GR_POLICE_ENTRY = {
  orgKey: 'gr-police-thb',
  name: 'Police Anti-Trafficking Unit Athens (demo)',
  city: 'Athens',
  phone: '+30 000 000 0999',
  description: 'Invented police unit of the demo network: its liaison officer receives and answers referrals in Victor.',
};
