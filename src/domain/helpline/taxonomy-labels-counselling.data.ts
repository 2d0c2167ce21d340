/**
 * Draft labels (see taxonomy-labels.data.ts) of the MENTAL, HEALTH, SERVICES, DISCRIMINATION, LIFE,
 * NONCOUNSELLING and NONDATA groups, in the order el, bg, ro, sl / sr (Latin script), uk, hu, ru.
 * To be reviewed by each country desk in the taxonomy editor.
 */
import type { TaxonomyLabelSet } from './taxonomy-labels.data';

export const COUNSELLING_LABELS: Readonly<Record<string, TaxonomyLabelSet>> = {
  // Mental health
  MENTAL: {
    el: 'Ψυχική υγεία', bg: 'Психично здраве', ro: 'Sănătate mintală', sl: 'Duševno zdravje',
    sr: 'Mentalno zdravlje', uk: 'Психічне здоров’я', hu: 'Lelki egészség', ru: 'Психическое здоровье',
  },
  'MENTAL.SUBSTANCES': {
    el: 'Εξαρτητικές συμπεριφορές και χρήση ουσιών', bg: 'Зависимо поведение и употреба на психоактивни вещества', ro: 'Comportamente de dependență și consum de substanțe', sl: 'Zasvojenost in uporaba psihoaktivnih snovi',
    sr: 'Zavisničko ponašanje i upotreba psihoaktivnih supstanci', uk: 'Залежна поведінка та вживання психоактивних речовин', hu: 'Függőségek és szerhasználat', ru: 'Зависимое поведение и употребление психоактивных веществ',
  },
  'MENTAL.BEHAVIOUR': {
    el: 'Προβλήματα συμπεριφοράς', bg: 'Поведенчески проблеми', ro: 'Probleme de comportament', sl: 'Vedenjske težave',
    sr: 'Problemi u ponašanju', uk: 'Проблеми з поведінкою', hu: 'Viselkedési problémák', ru: 'Поведенческие проблемы',
  },
  'MENTAL.SELF': {
    el: 'Ανησυχίες για τον εαυτό', bg: 'Притеснения за себе си', ro: 'Preocupări legate de propria persoană', sl: 'Skrbi v zvezi s seboj',
    sr: 'Zabrinutost za sebe', uk: 'Занепокоєння щодо себе', hu: 'Önmagával kapcsolatos aggodalmak', ru: 'Беспокойство о себе',
  },
  'MENTAL.DISTRESS': {
    el: 'Συναισθηματική δυσφορία', bg: 'Емоционален дистрес', ro: 'Suferință emoțională', sl: 'Čustvena stiska',
    sr: 'Emocionalna uznemirenost', uk: 'Емоційний дистрес', hu: 'Érzelmi megterhelés', ru: 'Эмоциональный дистресс',
  },
  'MENTAL.NEURODEVELOPMENTAL': {
    el: 'Νευροαναπτυξιακές δυσκολίες', bg: 'Невроразвитийни затруднения', ro: 'Dificultăți de neurodezvoltare', sl: 'Nevrorazvojne težave',
    sr: 'Neurorazvojne teškoće', uk: 'Труднощі нейророзвитку', hu: 'Idegrendszeri fejlődési nehézségek', ru: 'Трудности нейроразвития',
  },
  'MENTAL.EATING': {
    el: 'Προβλήματα διατροφικής συμπεριφοράς', bg: 'Проблеми с храненето', ro: 'Probleme legate de alimentație', sl: 'Težave s hranjenjem',
    sr: 'Problemi sa ishranom', uk: 'Проблеми з харчовою поведінкою', hu: 'Evési problémák', ru: 'Проблемы с пищевым поведением',
  },
  'MENTAL.SELF_HARM': {
    el: 'Αυτοτραυματισμός', bg: 'Самонараняване', ro: 'Autovătămare', sl: 'Samopoškodovanje',
    sr: 'Samopovređivanje', uk: 'Самоушкодження', hu: 'Önsértés', ru: 'Самоповреждение',
  },
  'MENTAL.SUICIDAL': {
    el: 'Αυτοκτονικές σκέψεις ή απόπειρες', bg: 'Суицидни мисли или опити', ro: 'Gânduri sau tentative de suicid', sl: 'Samomorilne misli ali poskusi samomora',
    sr: 'Suicidalne misli ili pokušaji samoubistva', uk: 'Суїцидальні думки або спроби', hu: 'Öngyilkossági gondolatok vagy kísérletek', ru: 'Суицидальные мысли или попытки',
  },
  'MENTAL.TRAUMA': {
    el: 'Τραυματικό στρες', bg: 'Травматичен стрес', ro: 'Stres traumatic', sl: 'Travmatska stiska',
    sr: 'Traumatski stres', uk: 'Травматичний стрес', hu: 'Traumatikus stressz', ru: 'Травматический стресс',
  },

  // Physical health
  HEALTH: {
    el: 'Σωματική υγεία', bg: 'Физическо здраве', ro: 'Sănătate fizică', sl: 'Telesno zdravje',
    sr: 'Fizičko zdravlje', uk: 'Фізичне здоров’я', hu: 'Testi egészség', ru: 'Физическое здоровье',
  },
  'HEALTH.GENERAL': {
    el: 'Γενικά ιατρικά θέματα', bg: 'Общи медицински въпроси', ro: 'Probleme medicale generale', sl: 'Splošna zdravstvena vprašanja',
    sr: 'Opšta medicinska pitanja', uk: 'Загальні медичні питання', hu: 'Általános egészségügyi kérdések', ru: 'Общие медицинские вопросы',
  },
  'HEALTH.HIV': {
    el: 'Ενημέρωση για τον HIV', bg: 'Информация за ХИВ', ro: 'Informații despre HIV', sl: 'Informacije o virusu HIV',
    sr: 'Informacije o HIV-u', uk: 'Інформація про ВІЛ', hu: 'Tájékoztatás a HIV-ről', ru: 'Информация о ВИЧ',
  },
  'HEALTH.NUTRITION': {
    el: 'Διατροφή', bg: 'Хранене', ro: 'Nutriție', sl: 'Prehrana',
    sr: 'Ishrana', uk: 'Харчування', hu: 'Táplálkozás', ru: 'Питание',
  },
  'HEALTH.PREGNANCY': {
    el: 'Εγκυμοσύνη και μητρική υγεία', bg: 'Бременност и майчино здраве', ro: 'Sarcină și sănătate maternă', sl: 'Nosečnost in zdravje matere',
    sr: 'Trudnoća i zdravlje majke', uk: 'Вагітність та здоров’я матері', hu: 'Várandósság és anyai egészség', ru: 'Беременность и здоровье матери',
  },
  'HEALTH.SRH': {
    el: 'Σεξουαλική και αναπαραγωγική υγεία', bg: 'Сексуално и репродуктивно здраве', ro: 'Sănătate sexuală și reproductivă', sl: 'Spolno in reproduktivno zdravje',
    sr: 'Seksualno i reproduktivno zdravlje', uk: 'Сексуальне та репродуктивне здоров’я', hu: 'Szexuális és reproduktív egészség', ru: 'Сексуальное и репродуктивное здоровье',
  },

  // Access to services
  SERVICES: {
    el: 'Πρόσβαση σε υπηρεσίες', bg: 'Достъп до услуги', ro: 'Acces la servicii', sl: 'Dostop do storitev',
    sr: 'Pristup uslugama', uk: 'Доступ до послуг', hu: 'Hozzáférés a szolgáltatásokhoz', ru: 'Доступ к услугам',
  },
  'SERVICES.EDUCATION': {
    el: 'Εκπαίδευση', bg: 'Образование', ro: 'Educație', sl: 'Izobraževanje',
    sr: 'Obrazovanje', uk: 'Освіта', hu: 'Oktatás', ru: 'Образование',
  },
  'SERVICES.ESSENTIAL_NEEDS': {
    el: 'Βασικές ανάγκες', bg: 'Основни потребности', ro: 'Nevoi de bază', sl: 'Osnovne potrebe',
    sr: 'Osnovne potrebe', uk: 'Базові потреби', hu: 'Alapvető szükségletek', ru: 'Базовые потребности',
  },
  'SERVICES.HEALTHCARE': {
    el: 'Υγειονομική περίθαλψη', bg: 'Здравни грижи', ro: 'Asistență medicală', sl: 'Zdravstvena oskrba',
    sr: 'Zdravstvena zaštita', uk: 'Медична допомога', hu: 'Egészségügyi ellátás', ru: 'Медицинская помощь',
  },
  'SERVICES.LEGAL': {
    el: 'Νομικές υπηρεσίες και συμβουλές', bg: 'Правни услуги и консултации', ro: 'Servicii și consiliere juridică', sl: 'Pravne storitve in svetovanje',
    sr: 'Pravne usluge i savetovanje', uk: 'Правові послуги та консультації', hu: 'Jogi szolgáltatások és tanácsadás', ru: 'Юридические услуги и консультации',
  },
  'SERVICES.MENTAL_HEALTH': {
    el: 'Υπηρεσίες ψυχικής υγείας', bg: 'Услуги в областта на психичното здраве', ro: 'Servicii de sănătate mintală', sl: 'Storitve na področju duševnega zdravja',
    sr: 'Usluge zaštite mentalnog zdravlja', uk: 'Послуги з психічного здоров’я', hu: 'Mentálhigiénés szolgáltatások', ru: 'Услуги в сфере психического здоровья',
  },
  'SERVICES.SOCIO_ECONOMIC': {
    el: 'Κοινωνική και οικονομική στήριξη', bg: 'Социална и икономическа подкрепа', ro: 'Sprijin social și economic', sl: 'Socialna in ekonomska podpora',
    sr: 'Socijalna i ekonomska podrška', uk: 'Соціальна та економічна підтримка', hu: 'Szociális és anyagi támogatás', ru: 'Социальная и экономическая поддержка',
  },

  // Discrimination and exclusion
  DISCRIMINATION: {
    el: 'Διακρίσεις και αποκλεισμός', bg: 'Дискриминация и изключване', ro: 'Discriminare și excluziune', sl: 'Diskriminacija in izključenost',
    sr: 'Diskriminacija i isključenost', uk: 'Дискримінація та соціальне відчуження', hu: 'Hátrányos megkülönböztetés és kirekesztés', ru: 'Дискриминация и социальное исключение',
  },
  'DISCRIMINATION.ETHNICITY': {
    el: 'Εθνοτική καταγωγή ή ιθαγένεια', bg: 'Етническа принадлежност или националност', ro: 'Etnie sau naționalitate', sl: 'Etnična pripadnost ali narodnost',
    sr: 'Etnička pripadnost ili nacionalnost', uk: 'Етнічне походження або національність', hu: 'Etnikai vagy nemzeti hovatartozás', ru: 'Этническая принадлежность или национальность',
  },
  'DISCRIMINATION.FINANCIAL': {
    el: 'Οικονομική κατάσταση', bg: 'Финансово положение', ro: 'Situație financiară', sl: 'Finančni položaj',
    sr: 'Materijalni položaj', uk: 'Фінансове становище', hu: 'Anyagi helyzet', ru: 'Финансовое положение',
  },
  'DISCRIMINATION.GENDER': {
    el: 'Φύλο', bg: 'Пол', ro: 'Gen', sl: 'Spol',
    sr: 'Pol', uk: 'Стать', hu: 'Nemi hovatartozás', ru: 'Пол',
  },
  'DISCRIMINATION.SOGIESC': {
    el: 'Σεξουαλικός προσανατολισμός ή ταυτότητα φύλου', bg: 'Сексуална ориентация или полова идентичност', ro: 'Orientare sexuală sau identitate de gen', sl: 'Spolna usmerjenost ali spolna identiteta',
    sr: 'Seksualna orijentacija ili rodni identitet', uk: 'Сексуальна орієнтація або гендерна ідентичність', hu: 'Szexuális irányultság vagy nemi identitás', ru: 'Сексуальная ориентация или гендерная идентичность',
  },
  'DISCRIMINATION.HEALTH': {
    el: 'Υγεία ή αναπηρία', bg: 'Здравословно състояние или увреждане', ro: 'Sănătate sau dizabilitate', sl: 'Zdravstveno stanje ali invalidnost',
    sr: 'Zdravstveno stanje ili invaliditet', uk: 'Стан здоров’я або інвалідність', hu: 'Egészségi állapot vagy fogyatékosság', ru: 'Состояние здоровья или инвалидность',
  },
  'DISCRIMINATION.RELIGION': {
    el: 'Θρησκεία ή πεποιθήσεις', bg: 'Религия или убеждения', ro: 'Religie sau convingeri', sl: 'Vera ali prepričanje',
    sr: 'Veroispovest ili uverenje', uk: 'Релігія або переконання', hu: 'Vallás vagy meggyőződés', ru: 'Религия или убеждения',
  },

  // Relationships and daily life
  LIFE: {
    el: 'Σχέσεις και καθημερινή ζωή', bg: 'Взаимоотношения и ежедневие', ro: 'Relații și viața de zi cu zi', sl: 'Odnosi in vsakdanje življenje',
    sr: 'Odnosi i svakodnevni život', uk: 'Стосунки та повсякденне життя', hu: 'Kapcsolatok és mindennapi élet', ru: 'Отношения и повседневная жизнь',
  },
  'LIFE.FAMILY': {
    el: 'Οικογενειακές σχέσεις', bg: 'Семейни взаимоотношения', ro: 'Relații de familie', sl: 'Družinski odnosi',
    sr: 'Porodični odnosi', uk: 'Сімейні стосунки', hu: 'Családi kapcsolatok', ru: 'Семейные отношения',
  },
  'LIFE.PEERS': {
    el: 'Σχέσεις με συνομηλίκους', bg: 'Отношения с връстници', ro: 'Relații cu covârstnicii', sl: 'Odnosi z vrstniki',
    sr: 'Odnosi sa vršnjacima', uk: 'Стосунки з однолітками', hu: 'Kortárs kapcsolatok', ru: 'Отношения со сверстниками',
  },
  'LIFE.SCHOOL_WORK': {
    el: 'Σχολείο και εργασία', bg: 'Училище и работа', ro: 'Școală și muncă', sl: 'Šola in delo',
    sr: 'Škola i posao', uk: 'Школа та робота', hu: 'Iskola és munka', ru: 'Школа и работа',
  },
  'LIFE.SEXUALITY': {
    el: 'Σεξουαλικότητα', bg: 'Сексуалност', ro: 'Sexualitate', sl: 'Spolnost',
    sr: 'Seksualnost', uk: 'Сексуальність', hu: 'Szexualitás', ru: 'Сексуальность',
  },

  // Non-counselling contacts
  NONCOUNSELLING: {
    el: 'Μη συμβουλευτικές επαφές', bg: 'Контакти без консултиране', ro: 'Contacte fără consiliere', sl: 'Stiki brez svetovanja',
    sr: 'Kontakti bez savetovanja', uk: 'Звернення без консультування', hu: 'Tanácsadást nem igénylő megkeresések', ru: 'Обращения без консультирования',
  },
  'NONCOUNSELLING.COMPLAINT': {
    el: 'Παράπονο για τη γραμμή βοήθειας', bg: 'Оплакване от линията за помощ', ro: 'Reclamație privind linia de asistență', sl: 'Pritožba glede linije za pomoč',
    sr: 'Pritužba na rad linije za pomoć', uk: 'Скарга на роботу лінії допомоги', hu: 'Panasz a segélyvonal működésére', ru: 'Жалоба на работу линии помощи',
  },
  'NONCOUNSELLING.PARENT_QUESTION': {
    el: 'Ερώτηση από γονέα', bg: 'Въпрос от родител', ro: 'Întrebare de la un părinte', sl: 'Vprašanje starša',
    sr: 'Pitanje roditelja', uk: 'Питання від батьків', hu: 'Szülő kérdése', ru: 'Вопрос от родителя',
  },
  'NONCOUNSELLING.ABOUT_HELPLINE': {
    el: 'Ερώτηση για τη γραμμή βοήθειας', bg: 'Въпрос за линията за помощ', ro: 'Întrebare despre linia de asistență', sl: 'Vprašanje o liniji za pomoč',
    sr: 'Pitanje o liniji za pomoć', uk: 'Питання про лінію допомоги', hu: 'Kérdés a segélyvonalról', ru: 'Вопрос о линии помощи',
  },
  'NONCOUNSELLING.OTHER_SERVICES': {
    el: 'Ερώτηση για άλλες υπηρεσίες', bg: 'Въпрос за други услуги', ro: 'Întrebare despre alte servicii', sl: 'Vprašanje o drugih storitvah',
    sr: 'Pitanje o drugim uslugama', uk: 'Питання про інші послуги', hu: 'Kérdés más szolgáltatásokról', ru: 'Вопрос о других услугах',
  },
  'NONCOUNSELLING.THANKS': {
    el: 'Ευχαριστίες', bg: 'Благодарност', ro: 'Mulțumiri', sl: 'Zahvala',
    sr: 'Zahvalnost', uk: 'Подяка', hu: 'Köszönet', ru: 'Благодарность',
  },
  'NONCOUNSELLING.OTHER': {
    el: 'Άλλο', bg: 'Друго', ro: 'Altele', sl: 'Drugo',
    sr: 'Drugo', uk: 'Інше', hu: 'Egyéb', ru: 'Другое',
  },

  // Non-data contacts
  NONDATA: {
    el: 'Επαφές χωρίς καταγραφή δεδομένων', bg: 'Контакти без въвеждане на данни', ro: 'Contacte fără înregistrare de date', sl: 'Stiki brez beleženja podatkov',
    sr: 'Kontakti bez evidentiranja podataka', uk: 'Звернення без реєстрації даних', hu: 'Adatrögzítés nélküli megkeresések', ru: 'Обращения без регистрации данных',
  },
  'NONDATA.SILENT': {
    el: 'Σιωπηλή κλήση', bg: 'Мълчаливо обаждане', ro: 'Apel tăcut', sl: 'Tihi klic',
    sr: 'Tihi poziv', uk: 'Мовчазний дзвінок', hu: 'Néma hívás', ru: 'Молчаливый звонок',
  },
  'NONDATA.HANG_UP': {
    el: 'Διακοπή κλήσης', bg: 'Прекъснато обаждане', ro: 'Apel întrerupt', sl: 'Prekinjen klic',
    sr: 'Prekinut poziv', uk: 'Перерваний дзвінок', hu: 'Megszakított hívás', ru: 'Прерванный звонок',
  },
  'NONDATA.PRANK': {
    el: 'Φάρσα', bg: 'Обаждане на шега', ro: 'Farsă', sl: 'Potegavščina',
    sr: 'Poziv iz šale', uk: 'Жартівливий дзвінок', hu: 'Tréfás hívás', ru: 'Звонок-розыгрыш',
  },
  'NONDATA.WRONG_NUMBER': {
    el: 'Λάθος αριθμός', bg: 'Грешен номер', ro: 'Număr greșit', sl: 'Napačna številka',
    sr: 'Pogrešan broj', uk: 'Помилилися номером', hu: 'Téves hívás', ru: 'Ошиблись номером',
  },
  'NONDATA.ABUSIVE': {
    el: 'Υβριστική κλήση', bg: 'Обидно обаждане', ro: 'Apel abuziv', sl: 'Žaljiv klic',
    sr: 'Uvredljiv poziv', uk: 'Образливий дзвінок', hu: 'Sértegető hívás', ru: 'Оскорбительный звонок',
  },
};
