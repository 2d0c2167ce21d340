/**
 * Invented demo articles for the public: what child trafficking is and its signs (regional). The
 * statement of international law in the first one is flagged for the regional coordinator's review.
 */
import type { DemoArticle } from './knowledge-articles.data';

const REGIONAL = 'regional@victor.example';
const SUPERVISOR_GR = 'supervisor.gr@victor.example';
const LEGAL_NOTE = 'Legal statements to be confirmed by the regional coordinator before the next review.';

/** What child trafficking is (public, five languages). */
export const WHAT_IS: DemoArticle = {
  slug: 'what-is-child-trafficking',
  type: 'thb_information',
  audience: 'public',
  countryCode: null,
  org: 'smile',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['basics', 'children'],
  taxonomyCodes: ['THB.INFORMATION', 'THB.UNSPECIFIED'],
  needsReview: true,
  reviewNote: LEGAL_NOTE,
  reviewInDays: 180,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'What is child trafficking?',
      summary: 'Child trafficking means recruiting, moving or holding a child in order to exploit them. A child can never consent to being exploited.',
      bodyMd: `## In short

Child trafficking is when someone recruits, transports, transfers, harbours or receives a child **for the purpose of exploitation**. Anyone under 18 is a child.

Under international law, for children it does not matter whether threats, force or deception were used: moving or holding a child in order to exploit them is trafficking in itself.

## Forms of exploitation

- sexual exploitation, including online
- forced labour and services, including domestic work
- forced begging and forced criminal activities
- forced or early marriage for exploitation
- illegal adoption and removal of organs

## It can happen close to home

Many children are trafficked within their own country, often by someone they know: a "boyfriend", a relative or a neighbour who promises work, love or a better life.

## Where to get help

If you are worried about a child, call the info-desk of your country or the European hotline for missing children **116 000**. In an emergency, call **112**.`,
    },
    {
      lang: 'el',
      status: 'published',
      title: 'Τι είναι η εμπορία παιδιών;',
      summary: 'Εμπορία παιδιών σημαίνει στρατολόγηση, μεταφορά ή κράτηση ενός παιδιού με σκοπό την εκμετάλλευσή του. Ένα παιδί δεν μπορεί ποτέ να συναινέσει στην εκμετάλλευση.',
      bodyMd: `## Με λίγα λόγια

Εμπορία παιδιών υπάρχει όταν κάποιος στρατολογεί, μεταφέρει, μετακινεί, φιλοξενεί ή παραλαμβάνει ένα παιδί **με σκοπό την εκμετάλλευση**. Παιδί είναι κάθε πρόσωπο κάτω των 18 ετών.

Σύμφωνα με το διεθνές δίκαιο, όταν πρόκειται για παιδί δεν έχει σημασία αν χρησιμοποιήθηκαν απειλές, βία ή εξαπάτηση: η μετακίνηση ή η κράτηση ενός παιδιού για να το εκμεταλλευτούν είναι από μόνη της εμπορία.

## Μορφές εκμετάλλευσης

- σεξουαλική εκμετάλλευση, και διαδικτυακά
- καταναγκαστική εργασία και υπηρεσίες, και στο σπίτι
- εξαναγκασμός σε επαιτεία και σε εγκληματικές πράξεις
- εξαναγκαστικός ή πρόωρος γάμος με σκοπό την εκμετάλλευση
- παράνομη υιοθεσία και αφαίρεση οργάνων

## Μπορεί να συμβεί κοντά μας

Πολλά παιδιά πέφτουν θύματα εμπορίας μέσα στη χώρα τους, συχνά από κάποιον που γνωρίζουν: έναν «φίλο», έναν συγγενή ή έναν γείτονα που υπόσχεται δουλειά, αγάπη ή μια καλύτερη ζωή.

## Πού να ζητήσετε βοήθεια

Αν ανησυχείτε για ένα παιδί, καλέστε το γραφείο πληροφόρησης της χώρας σας ή την ευρωπαϊκή γραμμή για εξαφανισμένα παιδιά **116 000**. Σε έκτακτη ανάγκη καλέστε το **112**.`,
    },
    {
      lang: 'bg',
      status: 'published',
      title: 'Какво е трафик на деца?',
      summary: 'Трафик на деца означава набиране, превозване или задържане на дете с цел експлоатация. Детето никога не може да даде съгласие да бъде експлоатирано.',
      bodyMd: `## Накратко

Трафик на деца е, когато някой набира, превозва, прехвърля, укрива или приема дете **с цел експлоатация**. Дете е всяко лице под 18 години.

Според международното право, когато става дума за дете, няма значение дали са използвани заплахи, сила или измама: преместването или задържането на дете, за да бъде експлоатирано, само по себе си е трафик.

## Форми на експлоатация

- сексуална експлоатация, включително онлайн
- принудителен труд и услуги, включително домашна работа
- принудително просене и принуждаване към престъпления
- принудителен или ранен брак с цел експлоатация
- незаконно осиновяване и отнемане на органи

## Може да се случи наблизо

Много деца стават жертви на трафик в собствената си страна, често от познат човек: „приятел“, роднина или съсед, който обещава работа, любов или по-добър живот.

## Къде да потърсите помощ

Ако се тревожите за дете, обадете се на информационното бюро във вашата страна или на европейската гореща линия за изчезнали деца **116 000**. При спешен случай звънете на **112**.`,
    },
    {
      lang: 'ro',
      status: 'published',
      title: 'Ce este traficul de copii?',
      summary: 'Traficul de copii înseamnă recrutarea, transportul sau adăpostirea unui copil în scopul exploatării. Un copil nu poate consimți niciodată la exploatare.',
      bodyMd: `## Pe scurt

Traficul de copii are loc atunci când cineva recrutează, transportă, transferă, adăpostește sau primește un copil **în scopul exploatării**. Orice persoană sub 18 ani este copil.

Potrivit dreptului internațional, în cazul copiilor nu contează dacă s-au folosit amenințări, forța sau înșelăciunea: mutarea sau ținerea unui copil pentru a fi exploatat este, în sine, trafic.

## Forme de exploatare

- exploatarea sexuală, inclusiv online
- muncă și servicii forțate, inclusiv munca în gospodărie
- cerșetoria forțată și constrângerea la infracțiuni
- căsătoria forțată sau timpurie în scop de exploatare
- adopția ilegală și prelevarea de organe

## Se poate întâmpla aproape de casă

Mulți copii sunt traficați în propria țară, adesea de cineva cunoscut: un „iubit”, o rudă sau un vecin care promite un loc de muncă, dragoste sau o viață mai bună.

## Unde găsiți ajutor

Dacă vă îngrijorează situația unui copil, sunați la biroul de informare din țara dumneavoastră sau la linia europeană pentru copii dispăruți **116 000**. În caz de urgență, sunați la **112**.`,
    },
    {
      lang: 'sr',
      status: 'published',
      title: 'Šta je trgovina decom?',
      summary: 'Trgovina decom znači vrbovanje, prevoz ili držanje deteta radi eksploatacije. Dete nikada ne može da pristane na eksploataciju.',
      bodyMd: `## Ukratko

Trgovina decom postoji kada neko vrbuje, prevozi, premešta, skriva ili prihvata dete **radi eksploatacije**. Dete je svaka osoba mlađa od 18 godina.

Prema međunarodnom pravu, kada je reč o detetu nije važno da li su korišćene pretnje, sila ili obmana: premeštanje ili držanje deteta radi iskorišćavanja samo po sebi je trgovina ljudima.

## Oblici eksploatacije

- seksualna eksploatacija, uključujući i onu na internetu
- prinudni rad i usluge, uključujući rad u domaćinstvu
- prinudno prosjačenje i prinuda na vršenje krivičnih dela
- prinudni ili rani brak radi eksploatacije
- nezakonito usvojenje i uklanjanje organa

## Može se desiti i u blizini

Mnoga deca postaju žrtve trgovine ljudima u sopstvenoj zemlji, često od nekoga koga poznaju: „dečka”, rođaka ili komšije koji obećava posao, ljubav ili bolji život.

## Gde potražiti pomoć

Ako ste zabrinuti za neko dete, pozovite info-službu u svojoj zemlji ili evropsku liniju za nestalu decu **116 000**. U hitnim slučajevima pozovite **112**.`,
    },
  ],
};

/** Signs of child trafficking (public; Slovenian left in review). */
export const SIGNS: DemoArticle = {
  slug: 'signs-of-child-trafficking',
  type: 'exploitation_forms',
  audience: 'public',
  countryCode: null,
  org: 'smile',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['indicators', 'children'],
  taxonomyCodes: ['THB.SEXUAL', 'THB.LABOUR', 'THB.BEGGING', 'THB.CRIMINAL', 'THB.DOMESTIC_SERVITUDE', 'THB.ONLINE'],
  needsReview: false,
  reviewNote: null,
  reviewInDays: 365,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'Signs that a child may be trafficked',
      summary: 'No single sign proves trafficking, but several together are a reason to ask questions and to call for advice.',
      bodyMd: `One sign alone proves nothing. Several together are a reason to talk to the child calmly and to ask the info-desk for advice.

## The child

- does not go to school, or misses it for long periods
- works long hours, begs or sells goods, often late at night
- has no identity documents, or someone else keeps them
- seems afraid of an adult who speaks for them
- has money, phones or clothes they cannot explain
- has been moved from place to place, or does not know their address

## Online

- an older "friend" met online offers gifts, travel or work
- the child is asked to send images or to meet in secret

## What to do

Do not confront the person you suspect and do not put the child in danger. Note what you saw, when and where, and call the info-desk or **116 000**. In an emergency call **112**.`,
    },
    {
      lang: 'sl',
      status: 'in_review',
      title: 'Znaki, da je otrok morda žrtev trgovine z ljudmi',
      summary: 'Noben znak sam po sebi ne dokazuje trgovine z ljudmi, več znakov skupaj pa je razlog, da vprašamo in pokličemo za nasvet.',
      bodyMd: `En sam znak ne dokazuje ničesar. Več znakov skupaj je razlog, da se z otrokom mirno pogovorite in za nasvet pokličete informacijsko točko.

## Otrok

- ne hodi v šolo ali dalj časa manjka
- dela dolge ure, prosjači ali prodaja, pogosto pozno ponoči
- nima osebnih dokumentov ali jih hrani nekdo drug
- se zdi prestrašen pred odraslim, ki govori namesto njega
- ima denar, telefone ali oblačila, ki jih ne zna pojasniti
- so ga selili iz kraja v kraj ali ne ve svojega naslova

## Na spletu

- starejši »prijatelj«, ki ga je spoznal na spletu, ponuja darila, potovanje ali delo
- od otroka zahtevajo, naj pošilja slike ali se skrivaj sestane

## Kaj storiti

Osebe, ki jo sumite, ne soočajte in otroka ne izpostavljajte nevarnosti. Zapišite, kaj ste videli, kdaj in kje, ter pokličite informacijsko točko ali **116 000**. V nujnih primerih pokličite **112**.`,
    },
  ],
};
