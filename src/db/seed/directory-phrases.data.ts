/**
 * Short service descriptions in every knowledge-base language, used to describe the demo directory entries
 * and the search benchmark's generated entries. Generic phrases about what a service does; no facts about any
 * real service.
 */
import type { DirectoryKind, KbLanguage, NrmStage } from '../../domain/knowledge/knowledge-fields';

/** What a service does, one phrase per topic. */
export type ServiceTopic =
  | 'identification'
  | 'crisis'
  | 'shelter'
  | 'legal'
  | 'psychological'
  | 'return'
  | 'labour'
  | 'missing'
  | 'cross_border'
  | 'health'
  | 'online'
  | 'helpline'
  | 'partner'
  | 'referral';

/** A phrase per topic and language (a complete sentence without the full stop). */
export const SERVICE_PHRASES: Record<ServiceTopic, Record<KbLanguage, string>> = {
  identification: {
    en: 'Identification of victims of trafficking in human beings',
    el: 'Αναγνώριση θυμάτων εμπορίας ανθρώπων',
    bg: 'Идентифициране на жертви на трафик на хора',
    ro: 'Identificarea victimelor traficului de persoane',
    sl: 'Prepoznavanje žrtev trgovine z ljudmi',
    sr: 'Identifikacija žrtava trgovine ljudima',
    uk: 'Ідентифікація постраждалих від торгівлі людьми',
    hu: 'Az emberkereskedelem áldozatainak azonosítása',
    ru: 'Идентификация жертв торговли людьми',
  },
  crisis: {
    en: 'Emergency support and crisis intervention for children',
    el: 'Επείγουσα υποστήριξη και παρέμβαση σε κρίση για παιδιά',
    bg: 'Спешна подкрепа и кризисна интервенция за деца',
    ro: 'Sprijin de urgență și intervenție în criză pentru copii',
    sl: 'Nujna pomoč in krizna intervencija za otroke',
    sr: 'Hitna podrška i krizna intervencija za decu',
    uk: 'Екстрена підтримка та кризове втручання для дітей',
    hu: 'Sürgősségi segítség és krízisintervenció gyermekeknek',
    ru: 'Экстренная поддержка и кризисное вмешательство для детей',
  },
  shelter: {
    en: 'Safe accommodation for unaccompanied and trafficked children',
    el: 'Ασφαλής φιλοξενία για ασυνόδευτα παιδιά και παιδιά θύματα εμπορίας',
    bg: 'Безопасно настаняване на непридружени деца и деца жертви на трафик',
    ro: 'Cazare sigură pentru copiii neînsoțiți și copiii victime ale traficului',
    sl: 'Varna nastanitev za otroke brez spremstva in otroke žrtve trgovine z ljudmi',
    sr: 'Bezbedan smeštaj za decu bez pratnje i decu žrtve trgovine ljudima',
    uk: 'Безпечне розміщення для дітей без супроводу та дітей, постраждалих від торгівлі людьми',
    hu: 'Biztonságos elhelyezés kísérő nélküli és emberkereskedelem áldozatává vált gyermekek számára',
    ru: 'Безопасное размещение для несопровождаемых детей и детей, пострадавших от торговли людьми',
  },
  legal: {
    en: 'Legal counselling and accompaniment in criminal proceedings',
    el: 'Νομική συμβουλευτική και συνοδεία σε ποινικές διαδικασίες',
    bg: 'Правно консултиране и придружаване в наказателното производство',
    ro: 'Consiliere juridică și însoțire în procesul penal',
    sl: 'Pravno svetovanje in spremstvo v kazenskem postopku',
    sr: 'Pravno savetovanje i pratnja u krivičnom postupku',
    uk: 'Юридичне консультування та супровід у кримінальному провадженні',
    hu: 'Jogi tanácsadás és kísérés a büntetőeljárásban',
    ru: 'Юридическое консультирование и сопровождение в уголовном процессе',
  },
  psychological: {
    en: 'Psychological support and counselling for children and families',
    el: 'Ψυχολογική υποστήριξη και συμβουλευτική για παιδιά και οικογένειες',
    bg: 'Психологическа подкрепа и консултиране за деца и семейства',
    ro: 'Sprijin psihologic și consiliere pentru copii și familii',
    sl: 'Psihološka podpora in svetovanje za otroke in družine',
    sr: 'Psihološka podrška i savetovanje za decu i porodice',
    uk: 'Психологічна підтримка та консультування для дітей і сімей',
    hu: 'Pszichológiai támogatás és tanácsadás gyermekeknek és családoknak',
    ru: 'Психологическая поддержка и консультирование для детей и семей',
  },
  return: {
    en: 'Safe return and reintegration of children',
    el: 'Ασφαλής επιστροφή και επανένταξη παιδιών',
    bg: 'Безопасно завръщане и реинтеграция на деца',
    ro: 'Returnarea în siguranță și reintegrarea copiilor',
    sl: 'Varna vrnitev in ponovna vključitev otrok',
    sr: 'Bezbedan povratak i reintegracija dece',
    uk: 'Безпечне повернення та реінтеграція дітей',
    hu: 'Gyermekek biztonságos hazatérése és reintegrációja',
    ru: 'Безопасное возвращение и реинтеграция детей',
  },
  labour: {
    en: 'Inspections of workplaces for forced labour and child labour',
    el: 'Επιθεωρήσεις χώρων εργασίας για καταναγκαστική και παιδική εργασία',
    bg: 'Проверки на работни места за принудителен и детски труд',
    ro: 'Inspecții la locurile de muncă privind munca forțată și munca copiilor',
    sl: 'Inšpekcijski nadzor delovnih mest glede prisilnega dela in dela otrok',
    sr: 'Inspekcija radnih mesta zbog prinudnog i dečjeg rada',
    uk: 'Перевірки робочих місць щодо примусової та дитячої праці',
    hu: 'Munkahelyek ellenőrzése kényszermunka és gyermekmunka miatt',
    ru: 'Проверки рабочих мест на предмет принудительного и детского труда',
  },
  missing: {
    en: 'Reports of missing children and support for their families',
    el: 'Αναφορές για εξαφανισμένα παιδιά και υποστήριξη των οικογενειών τους',
    bg: 'Сигнали за изчезнали деца и подкрепа за семействата им',
    ro: 'Sesizări privind copiii dispăruți și sprijin pentru familiile lor',
    sl: 'Prijave pogrešanih otrok in podpora njihovim družinam',
    sr: 'Prijave nestale dece i podrška njihovim porodicama',
    uk: 'Повідомлення про зниклих дітей і підтримка їхніх родин',
    hu: 'Eltűnt gyermekek bejelentése és családjaik támogatása',
    ru: 'Сообщения о пропавших детях и поддержка их семей',
  },
  cross_border: {
    en: 'Cross-border cooperation and contact with authorities abroad',
    el: 'Διασυνοριακή συνεργασία και επικοινωνία με αρχές στο εξωτερικό',
    bg: 'Трансгранично сътрудничество и връзка с органите в чужбина',
    ro: 'Cooperare transfrontalieră și legătura cu autoritățile din străinătate',
    sl: 'Čezmejno sodelovanje in stik z organi v tujini',
    sr: 'Prekogranična saradnja i kontakt sa organima u inostranstvu',
    uk: 'Транскордонна співпраця та зв’язок з органами за кордоном',
    hu: 'Határokon átnyúló együttműködés és kapcsolattartás a külföldi hatóságokkal',
    ru: 'Трансграничное сотрудничество и связь с органами за рубежом',
  },
  health: {
    en: 'Medical examination and health care for victims',
    el: 'Ιατρική εξέταση και υγειονομική περίθαλψη για θύματα',
    bg: 'Медицински преглед и здравни грижи за жертви',
    ro: 'Examinare medicală și îngrijiri de sănătate pentru victime',
    sl: 'Zdravniški pregled in zdravstvena oskrba za žrtve',
    sr: 'Lekarski pregled i zdravstvena zaštita za žrtve',
    uk: 'Медичний огляд і медична допомога для постраждалих',
    hu: 'Orvosi vizsgálat és egészségügyi ellátás áldozatoknak',
    ru: 'Медицинский осмотр и медицинская помощь для пострадавших',
  },
  online: {
    en: 'Reports of online sexual exploitation of children',
    el: 'Αναφορές για διαδικτυακή σεξουαλική εκμετάλλευση παιδιών',
    bg: 'Сигнали за онлайн сексуална експлоатация на деца',
    ro: 'Sesizări privind exploatarea sexuală online a copiilor',
    sl: 'Prijave spolnega izkoriščanja otrok na spletu',
    sr: 'Prijave seksualne eksploatacije dece na internetu',
    uk: 'Повідомлення про сексуальну експлуатацію дітей в інтернеті',
    hu: 'Gyermekek online szexuális kizsákmányolásának bejelentése',
    ru: 'Сообщения о сексуальной эксплуатации детей в интернете',
  },
  helpline: {
    en: 'Confidential advice and support by phone',
    el: 'Εμπιστευτική συμβουλευτική και υποστήριξη μέσω τηλεφώνου',
    bg: 'Поверителни консултации и подкрепа по телефона',
    ro: 'Consiliere și sprijin confidențial la telefon',
    sl: 'Zaupno svetovanje in podpora po telefonu',
    sr: 'Poverljivo savetovanje i podrška telefonom',
    uk: 'Конфіденційні консультації та підтримка телефоном',
    hu: 'Bizalmas tanácsadás és támogatás telefonon',
    ru: 'Конфиденциальные консультации и поддержка по телефону',
  },
  partner: {
    en: 'Partner organisation in the VICTOR network',
    el: 'Οργανισμός-εταίρος του δικτύου VICTOR',
    bg: 'Партньорска организация в мрежата VICTOR',
    ro: 'Organizație parteneră în rețeaua VICTOR',
    sl: 'Partnerska organizacija v mreži VICTOR',
    sr: 'Partnerska organizacija u mreži VICTOR',
    uk: 'Організація-партнер мережі VICTOR',
    hu: 'A VICTOR hálózat partnerszervezete',
    ru: 'Организация-партнёр сети VICTOR',
  },
  referral: {
    en: 'Referral to specialised services within the national referral mechanism',
    el: 'Παραπομπή σε εξειδικευμένες υπηρεσίες στο πλαίσιο του εθνικού μηχανισμού παραπομπής',
    bg: 'Насочване към специализирани услуги в рамките на националния механизъм за насочване',
    ro: 'Referire către servicii specializate în cadrul mecanismului național de referire',
    sl: 'Napotitev na specializirane službe v okviru nacionalnega mehanizma napotitve',
    sr: 'Upućivanje specijalizovanim službama u okviru nacionalnog mehanizma upućivanja',
    uk: 'Направлення до спеціалізованих служб у межах національного механізму перенаправлення',
    hu: 'Továbbirányítás szakosított szolgálatokhoz a nemzeti áldozatirányítási mechanizmus keretében',
    ru: 'Направление в специализированные службы в рамках национального механизма перенаправления',
  },
};

/** The topics and NRM stages typical of each kind of directory entry. */
export const KIND_PROFILE: Record<DirectoryKind, { topics: ServiceTopic[]; stages: NrmStage[] }> = {
  missing_children_hotline: { topics: ['missing', 'cross_border'], stages: ['identification', 'first_assistance', 'cross_border'] },
  child_helpline: { topics: ['helpline', 'psychological'], stages: ['identification', 'first_assistance'] },
  thb_hotline: { topics: ['helpline', 'identification', 'referral'], stages: ['identification', 'first_assistance'] },
  police: { topics: ['identification', 'online', 'cross_border'], stages: ['identification', 'proceedings', 'cross_border'] },
  prosecutor: { topics: ['legal', 'identification'], stages: ['proceedings'] },
  child_protection: { topics: ['crisis', 'referral', 'return'], stages: ['identification', 'first_assistance', 'long_term_assistance', 'return_reintegration'] },
  social_services: { topics: ['psychological', 'return', 'referral'], stages: ['first_assistance', 'long_term_assistance', 'return_reintegration'] },
  shelter: { topics: ['shelter', 'crisis', 'psychological'], stages: ['first_assistance', 'long_term_assistance'] },
  health: { topics: ['health', 'psychological'], stages: ['first_assistance', 'long_term_assistance'] },
  labour_inspectorate: { topics: ['labour', 'identification'], stages: ['identification'] },
  ngo: { topics: ['legal', 'psychological', 'return', 'shelter'], stages: ['first_assistance', 'long_term_assistance', 'return_reintegration', 'proceedings'] },
  embassy: { topics: ['cross_border', 'return'], stages: ['cross_border', 'return_reintegration'] },
  national_coordinator: { topics: ['referral', 'cross_border'], stages: ['identification', 'cross_border'] },
  partner_organisation: { topics: ['partner'], stages: [] },
};

/** A description per language: the kind's first topics as sentences. */
export function describeServices(topics: readonly ServiceTopic[], langs: readonly KbLanguage[]): Partial<Record<KbLanguage, string>> {
  const out: Partial<Record<KbLanguage, string>> = {};
  for (const lang of langs) out[lang] = topics.map((t) => `${SERVICE_PHRASES[t][lang]}.`).join(' ');
  return out;
}
