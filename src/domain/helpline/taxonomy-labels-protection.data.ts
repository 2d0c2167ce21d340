/**
 * Draft labels (see taxonomy-labels.data.ts) of the THB, MISSING and VIOLENCE groups, in the order
 * el, bg, ro, sl / sr (Latin script), uk, hu, ru. To be reviewed by each country desk in the taxonomy editor.
 */
import type { TaxonomyLabelSet } from './taxonomy-labels.data';

export const PROTECTION_LABELS: Readonly<Record<string, TaxonomyLabelSet>> = {
  // Trafficking in human beings
  THB: {
    el: 'Εμπορία ανθρώπων', bg: 'Трафик на хора', ro: 'Trafic de persoane', sl: 'Trgovina z ljudmi',
    sr: 'Trgovina ljudima', uk: 'Торгівля людьми', hu: 'Emberkereskedelem', ru: 'Торговля людьми',
  },
  'THB.SEXUAL': {
    el: 'Σεξουαλική εκμετάλλευση', bg: 'Сексуална експлоатация', ro: 'Exploatare sexuală', sl: 'Spolno izkoriščanje',
    sr: 'Seksualna eksploatacija', uk: 'Сексуальна експлуатація', hu: 'Szexuális kizsákmányolás', ru: 'Сексуальная эксплуатация',
  },
  'THB.LABOUR': {
    el: 'Εργασιακή εκμετάλλευση', bg: 'Трудова експлоатация', ro: 'Exploatare prin muncă', sl: 'Delovno izkoriščanje',
    sr: 'Radna eksploatacija', uk: 'Трудова експлуатація', hu: 'Munkaerő-kizsákmányolás', ru: 'Трудовая эксплуатация',
  },
  'THB.BEGGING': {
    el: 'Εξαναγκασμός σε επαιτεία', bg: 'Принудителна просия', ro: 'Cerșetorie forțată', sl: 'Prisilno beračenje',
    sr: 'Prinudno prosjačenje', uk: 'Примусове жебракування', hu: 'Kényszerkoldultatás', ru: 'Принудительное попрошайничество',
  },
  'THB.CRIMINAL': {
    el: 'Εκμετάλλευση για τη διάπραξη αξιόποινων πράξεων', bg: 'Експлоатация за престъпна дейност', ro: 'Exploatare în activități infracționale', sl: 'Izkoriščanje za izvrševanje kaznivih dejanj',
    sr: 'Eksploatacija za vršenje krivičnih dela', uk: 'Експлуатація у злочинній діяльності', hu: 'Kizsákmányolás bűncselekmények elkövetése céljából', ru: 'Эксплуатация в преступной деятельности',
  },
  'THB.FORCED_MARRIAGE': {
    el: 'Αναγκαστικός ή πρόωρος γάμος με σκοπό την εκμετάλλευση', bg: 'Принудителен или ранен брак с цел експлоатация', ro: 'Căsătorie forțată sau timpurie în scop de exploatare', sl: 'Prisilna ali zgodnja poroka z namenom izkoriščanja',
    sr: 'Prinudni ili rani brak radi eksploatacije', uk: 'Примусовий або ранній шлюб з метою експлуатації', hu: 'Kényszer- vagy korai házasság kizsákmányolás céljából', ru: 'Принудительный или ранний брак с целью эксплуатации',
  },
  'THB.DOMESTIC_SERVITUDE': {
    el: 'Οικιακή δουλεία', bg: 'Домашно робство', ro: 'Servitute domestică', sl: 'Prisilno delo v gospodinjstvu',
    sr: 'Kućno ropstvo', uk: 'Домашнє рабство', hu: 'Háztartási szolgaság', ru: 'Домашнее рабство',
  },
  'THB.ORGAN_REMOVAL': {
    el: 'Αφαίρεση οργάνων', bg: 'Отнемане на органи', ro: 'Prelevare de organe', sl: 'Odvzem organov',
    sr: 'Oduzimanje organa', uk: 'Вилучення органів', hu: 'Szervkivétel', ru: 'Изъятие органов',
  },
  'THB.ILLEGAL_ADOPTION': {
    el: 'Παράνομη υιοθεσία', bg: 'Незаконно осиновяване', ro: 'Adopție ilegală', sl: 'Nezakonita posvojitev',
    sr: 'Nezakonito usvojenje', uk: 'Незаконне усиновлення', hu: 'Jogellenes örökbefogadás', ru: 'Незаконное усыновление',
  },
  'THB.ONLINE': {
    el: 'Διαδικτυακή στρατολόγηση ή εκμετάλλευση', bg: 'Вербуване или експлоатация онлайн', ro: 'Recrutare sau exploatare online', sl: 'Spletno novačenje ali izkoriščanje',
    sr: 'Vrbovanje ili eksploatacija putem interneta', uk: 'Вербування або експлуатація в інтернеті', hu: 'Online toborzás vagy kizsákmányolás', ru: 'Вербовка или эксплуатация в интернете',
  },
  'THB.UNSPECIFIED': {
    el: 'Υπόνοιες εμπορίας ανθρώπων, μορφή ακόμη άγνωστη', bg: 'Съмнение за трафик на хора, формата още не е известна', ro: 'Suspiciune de trafic de persoane, forma încă necunoscută', sl: 'Sum trgovine z ljudmi, oblika še ni znana',
    sr: 'Sumnja na trgovinu ljudima, oblik još nije poznat', uk: 'Підозра на торгівлю людьми, форма ще невідома', hu: 'Emberkereskedelem gyanúja, formája még nem ismert', ru: 'Подозрение на торговлю людьми, форма пока неизвестна',
  },
  'THB.INFORMATION': {
    el: 'Αίτημα πληροφόρησης για την εμπορία ανθρώπων', bg: 'Запитване за информация относно трафика на хора', ro: 'Cerere de informații despre traficul de persoane', sl: 'Prošnja za informacije o trgovini z ljudmi',
    sr: 'Zahtev za informacije o trgovini ljudima', uk: 'Запит інформації про торгівлю людьми', hu: 'Tájékoztatás kérése az emberkereskedelemről', ru: 'Запрос информации о торговле людьми',
  },

  // Missing children (116 000)
  MISSING: {
    el: 'Εξαφανισμένα παιδιά (116 000)', bg: 'Изчезнали деца (116 000)', ro: 'Copii dispăruți (116 000)', sl: 'Pogrešani otroci (116 000)',
    sr: 'Nestala deca (116 000)', uk: 'Зниклі діти (116 000)', hu: 'Eltűnt gyermekek (116 000)', ru: 'Пропавшие дети (116 000)',
  },
  'MISSING.RUNAWAY': {
    el: 'Φυγή από το σπίτι', bg: 'Бягство от дома', ro: 'Fugă de acasă', sl: 'Pobeg od doma',
    sr: 'Bekstvo od kuće', uk: 'Втеча з дому', hu: 'Szökés', ru: 'Побег из дома',
  },
  'MISSING.PARENTAL_ABDUCTION': {
    el: 'Απαγωγή από γονέα', bg: 'Отвличане от родител', ro: 'Răpire de către un părinte', sl: 'Ugrabitev s strani starša',
    sr: 'Otmica od strane roditelja', uk: 'Викрадення одним із батьків', hu: 'Szülői gyermekrablás', ru: 'Похищение одним из родителей',
  },
  // "Criminal abduction" in the 116 000 sense: abduction by a third party.
  'MISSING.CRIMINAL_ABDUCTION': {
    el: 'Απαγωγή από τρίτους', bg: 'Отвличане от трети лица', ro: 'Răpire de către terți', sl: 'Ugrabitev s strani tretjih oseb',
    sr: 'Otmica od strane trećih lica', uk: 'Викрадення третіми особами', hu: 'Harmadik személy általi elrablás', ru: 'Похищение третьими лицами',
  },
  'MISSING.LOST_INJURED': {
    el: 'Χαμένο ή τραυματισμένο παιδί', bg: 'Изгубено или наранено дете', ro: 'Copil rătăcit sau rănit', sl: 'Izgubljen ali poškodovan otrok',
    sr: 'Izgubljeno ili povređeno dete', uk: 'Заблукала або травмована дитина', hu: 'Eltévedt vagy megsérült gyermek', ru: 'Потерявшийся или травмированный ребенок',
  },
  'MISSING.MIGRANT': {
    el: 'Εξαφάνιση κατά τη μετανάστευση', bg: 'Изчезване по време на миграция', ro: 'Dispariție în context de migrație', sl: 'Izginotje med migracijo',
    sr: 'Nestanak tokom migracije', uk: 'Зникнення під час міграції', hu: 'Eltűnés a migráció során', ru: 'Исчезновение в ходе миграции',
  },
  'MISSING.OTHER': {
    el: 'Άλλες περιπτώσεις εξαφάνισης', bg: 'Изчезване по други причини', ro: 'Dispariție din alte motive', sl: 'Izginotje iz drugih razlogov',
    sr: 'Nestanak iz drugih razloga', uk: 'Інші випадки зникнення', hu: 'Egyéb okból történő eltűnés', ru: 'Исчезновение по другим причинам',
  },

  // Violence
  VIOLENCE: {
    el: 'Βία', bg: 'Насилие', ro: 'Violență', sl: 'Nasilje',
    sr: 'Nasilje', uk: 'Насильство', hu: 'Erőszak', ru: 'Насилие',
  },
  // Romanian law (Legea 221/2019) uses the English word "bullying".
  'VIOLENCE.BULLYING': {
    el: 'Εκφοβισμός', bg: 'Тормоз', ro: 'Bullying', sl: 'Medvrstniško nasilje',
    sr: 'Vršnjačko nasilje', uk: 'Булінг (цькування)', hu: 'Kortárs bántalmazás', ru: 'Травля',
  },
  'VIOLENCE.CYBERBULLYING': {
    el: 'Διαδικτυακός εκφοβισμός', bg: 'Кибертормоз', ro: 'Bullying online', sl: 'Spletno medvrstniško nasilje',
    sr: 'Digitalno vršnjačko nasilje', uk: 'Кібербулінг', hu: 'Internetes zaklatás', ru: 'Кибертравля',
  },
  'VIOLENCE.CHILD_MARRIAGE': {
    el: 'Παιδικός, πρόωρος ή αναγκαστικός γάμος', bg: 'Детски, ранен или принудителен брак', ro: 'Căsătoria copiilor, căsătorie timpurie sau forțată', sl: 'Otroška, zgodnja ali prisilna poroka',
    sr: 'Dečji, rani ili prinudni brak', uk: 'Дитячий, ранній або примусовий шлюб', hu: 'Gyermek-, korai vagy kényszerházasság', ru: 'Детский, ранний или принудительный брак',
  },
  'VIOLENCE.CHILD_LABOUR': {
    el: 'Παιδική εργασία', bg: 'Детски труд', ro: 'Munca copiilor', sl: 'Delo otrok',
    sr: 'Dečji rad', uk: 'Дитяча праця', hu: 'Gyermekmunka', ru: 'Детский труд',
  },
  'VIOLENCE.FGM': {
    el: 'Ακρωτηριασμός γυναικείων γεννητικών οργάνων', bg: 'Генитално осакатяване на жени', ro: 'Mutilarea genitală feminină', sl: 'Pohabljanje ženskih spolnih organov',
    sr: 'Genitalno sakaćenje žena', uk: 'Каліцтво жіночих статевих органів', hu: 'Női nemiszerv-csonkítás', ru: 'Калечащие операции на женских половых органах',
  },
  'VIOLENCE.NEGLECT': {
    el: 'Παραμέληση', bg: 'Неглижиране', ro: 'Neglijare', sl: 'Zanemarjanje',
    sr: 'Zanemarivanje', uk: 'Нехтування потребами дитини', hu: 'Elhanyagolás', ru: 'Пренебрежение нуждами ребенка',
  },
  'VIOLENCE.ONLINE_SEXUAL': {
    el: 'Διαδικτυακή σεξουαλική κακοποίηση και εκμετάλλευση', bg: 'Сексуално насилие и експлоатация онлайн', ro: 'Abuz și exploatare sexuală online', sl: 'Spolna zloraba in izkoriščanje na spletu',
    sr: 'Seksualno zlostavljanje i eksploatacija na internetu', uk: 'Сексуальне насильство та експлуатація в інтернеті', hu: 'Online szexuális bántalmazás és kizsákmányolás', ru: 'Сексуальное насилие и эксплуатация в интернете',
  },
  'VIOLENCE.HARMFUL_PRACTICES': {
    el: 'Άλλες επιβλαβείς παραδοσιακές πρακτικές', bg: 'Други вредни традиционни практики', ro: 'Alte practici tradiționale dăunătoare', sl: 'Druge škodljive tradicionalne prakse',
    sr: 'Druge štetne tradicionalne prakse', uk: 'Інші шкідливі традиційні практики', hu: 'Egyéb ártalmas hagyományos gyakorlatok', ru: 'Другие вредные традиционные практики',
  },
  'VIOLENCE.PHYSICAL': {
    el: 'Σωματική βία', bg: 'Физическо насилие', ro: 'Violență fizică', sl: 'Fizično nasilje',
    sr: 'Fizičko nasilje', uk: 'Фізичне насильство', hu: 'Fizikai bántalmazás', ru: 'Физическое насилие',
  },
  'VIOLENCE.PSYCHOLOGICAL': {
    el: 'Ψυχολογική ή συναισθηματική βία', bg: 'Психологическо или емоционално насилие', ro: 'Violență psihologică sau emoțională', sl: 'Psihično ali čustveno nasilje',
    sr: 'Psihičko ili emocionalno nasilje', uk: 'Психологічне або емоційне насильство', hu: 'Lelki vagy érzelmi bántalmazás', ru: 'Психологическое или эмоциональное насилие',
  },
  'VIOLENCE.SEXUAL': {
    el: 'Σεξουαλική βία', bg: 'Сексуално насилие', ro: 'Violență sexuală', sl: 'Spolno nasilje',
    sr: 'Seksualno nasilje', uk: 'Сексуальне насильство', hu: 'Szexuális erőszak', ru: 'Сексуальное насилие',
  },
  'VIOLENCE.OTHER': {
    el: 'Άλλες μορφές βίας', bg: 'Други форми на насилие', ro: 'Alte forme de violență', sl: 'Druge oblike nasilja',
    sr: 'Drugi oblici nasilja', uk: 'Інші форми насильства', hu: 'Az erőszak egyéb formái', ru: 'Другие формы насилия',
  },
};
