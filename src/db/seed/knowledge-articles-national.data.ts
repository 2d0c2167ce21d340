/**
 * Invented demo articles on two countries' National Referral Mechanisms. They describe the steps every NRM
 * has in general terms; the institutions, contacts and legal basis of each country are left to its desk,
 * so both articles are flagged for review.
 */
import type { DemoArticle } from './knowledge-articles.data';

const REVIEW_GR = 'Facts to be confirmed by the GR desk: responsible bodies, contact points and legal basis.';
const REVIEW_RS = 'Facts to be confirmed by the RS desk: responsible bodies, contact points and legal basis.';

/** Greece: the National Referral Mechanism for professionals (Greek and English). */
export const GR_NRM: DemoArticle = {
  slug: 'gr-national-referral-mechanism',
  type: 'national_mechanism',
  audience: 'professionals',
  countryCode: 'GR',
  org: 'smile',
  author: 'supervisor.gr@victor.example',
  publisher: 'regional@victor.example',
  tags: ['nrm', 'referral', 'identification'],
  taxonomyCodes: ['THB.UNSPECIFIED', 'THB.SEXUAL', 'THB.LABOUR', 'THB.BEGGING', 'THB.INFORMATION'],
  needsReview: true,
  reviewNote: REVIEW_GR,
  reviewInDays: 25,
  translations: [
    {
      lang: 'el',
      status: 'published',
      title: 'Εθνικός Μηχανισμός Παραπομπής για θύματα εμπορίας ανθρώπων',
      summary: 'Πώς παραπέμπεται ένα πιθανό θύμα εμπορίας, ιδίως ένα παιδί, για αναγνώριση, προστασία και υποστήριξη στην Ελλάδα.',
      bodyMd: `Ο Εθνικός Μηχανισμός Παραπομπής (ΕΜΠ) συντονίζει τους φορείς που αναγνωρίζουν, προστατεύουν και υποστηρίζουν τα θύματα εμπορίας ανθρώπων. Στόχος του είναι κάθε πιθανό θύμα να λάβει βοήθεια, όποιος κι αν είναι ο φορέας που το εντοπίζει πρώτος.

## Βήματα για επαγγελματίες

1. **Εντοπισμός**: σημειώστε τις ενδείξεις που παρατηρήσατε, χωρίς να ανακρίνετε το παιδί.
2. **Άμεση ασφάλεια**: αν υπάρχει κίνδυνος, καλέστε το **112** ή την αστυνομία.
3. **Παραπομπή**: ενημερώστε τον Μηχανισμό με το έντυπο παραπομπής· για παιδί ενημερώστε και την αρμόδια υπηρεσία προστασίας παιδιών.
4. **Υποστήριξη**: φιλοξενία, ιατρική και ψυχολογική φροντίδα, νομική συνδρομή και διερμηνεία, ανεξάρτητα από το αν το θύμα συνεργάζεται με τις αρχές.
5. **Παρακολούθηση**: ο φορέας που παρέπεμψε ενημερώνεται για την πορεία της υπόθεσης, όπου επιτρέπεται.

## Παιδιά

Το συμφέρον του παιδιού προηγείται. Ένα ασυνόδευτο παιδί χρειάζεται επίτροπο ή εκπρόσωπο· όταν η ηλικία είναι αβέβαιη, το πρόσωπο αντιμετωπίζεται ως παιδί μέχρι να αποσαφηνιστεί.

> Τα στοιχεία επικοινωνίας, τα έντυπα και η νομική βάση επιβεβαιώνονται από το γραφείο της Ελλάδας.`,
    },
    {
      lang: 'en',
      status: 'published',
      title: 'National Referral Mechanism for victims of trafficking (Greece)',
      summary: 'How a presumed victim of trafficking, especially a child, is referred for identification, protection and support in Greece.',
      bodyMd: `The National Referral Mechanism (NRM) coordinates the bodies that identify, protect and support victims of trafficking in human beings. Its aim is that every presumed victim gets help, whichever service meets them first.

## Steps for professionals

1. **Spot the signs**: write down the indicators you noticed, without interviewing the child.
2. **Immediate safety**: if there is danger, call **112** or the police.
3. **Refer**: notify the Mechanism using the referral form; for a child, also inform the competent child-protection service.
4. **Support**: shelter, medical and psychological care, legal aid and interpretation, whether or not the victim cooperates with the authorities.
5. **Follow-up**: the referring service is told how the case progresses, where this is allowed.

## Children

The child's best interests come first. An unaccompanied child needs a guardian or representative; when age is uncertain, the person is treated as a child until it is clarified.

> Contact details, forms and the legal basis are to be confirmed by the Greek desk.`,
    },
  ],
};

/** Serbia: the National Referral Mechanism, written in Serbian (Latin script) and English. */
export const RS_NRM: DemoArticle = {
  slug: 'rs-nacionalni-mehanizam-upucivanja',
  type: 'national_mechanism',
  audience: 'professionals',
  countryCode: 'RS',
  org: 'astra',
  author: 'trainer.rs@victor.example',
  publisher: 'regional@victor.example',
  tags: ['nrm', 'referral', 'identification'],
  taxonomyCodes: ['THB.UNSPECIFIED', 'THB.SEXUAL', 'THB.LABOUR', 'THB.FORCED_MARRIAGE', 'THB.INFORMATION'],
  needsReview: true,
  reviewNote: REVIEW_RS,
  reviewInDays: 90,
  translations: [
    {
      lang: 'sr',
      status: 'published',
      title: 'Nacionalni mehanizam upućivanja žrtava trgovine ljudima',
      summary: 'Kako se pretpostavljena žrtva trgovine ljudima, posebno dete, upućuje na identifikaciju, zaštitu i podršku u Srbiji.',
      bodyMd: `Nacionalni mehanizam upućivanja povezuje institucije i organizacije koje prepoznaju, štite i podržavaju žrtve trgovine ljudima. Cilj je da svaka pretpostavljena žrtva dobije pomoć, bez obzira na to ko je prvi prepozna.

## Koraci za stručnjake

1. **Prepoznavanje**: zapišite indikatore koje ste uočili, bez ispitivanja deteta.
2. **Bezbednost odmah**: ako postoji opasnost, pozovite **112** ili policiju.
3. **Upućivanje**: obavestite telo nadležno za identifikaciju žrtava; za dete obavestite i nadležni centar za socijalni rad.
4. **Podrška**: smeštaj, zdravstvena i psihološka pomoć, pravna pomoć i prevođenje, bez obzira na to da li žrtva sarađuje sa organima vlasti.
5. **Praćenje**: služba koja je uputila slučaj dobija povratnu informaciju kada je to dozvoljeno.

## Deca

Najbolji interes deteta je na prvom mestu. Dete bez pratnje dobija staratelja; kada godine nisu sigurne, osoba se smatra detetom dok se to ne razjasni.

> Podatke za kontakt, obrasce i pravni osnov potvrđuje kancelarija za Srbiju.`,
    },
    {
      lang: 'en',
      status: 'published',
      title: 'National Referral Mechanism for victims of trafficking (Serbia)',
      summary: 'How a presumed victim of trafficking, especially a child, is referred for identification, protection and support in Serbia.',
      bodyMd: `The National Referral Mechanism links the institutions and organisations that identify, protect and support victims of trafficking in human beings (in Serbian: *trgovina ljudima*). Every presumed victim should get help, whoever recognises them first.

## Steps for professionals

1. **Recognise**: write down the indicators you noticed, without interviewing the child.
2. **Immediate safety**: if there is danger, call **112** or the police.
3. **Refer**: notify the body responsible for identifying victims; for a child, also inform the competent centre for social work.
4. **Support**: accommodation, health and psychological care, legal aid and interpretation, whether or not the victim cooperates with the authorities.
5. **Follow-up**: the referring service receives feedback where this is allowed.

## Children

The child's best interests come first. An unaccompanied child gets a guardian; when age is uncertain, the person is treated as a child until it is clarified.

> Contact details, forms and the legal basis are to be confirmed by the Serbian desk.`,
    },
  ],
};
