/**
 * Invented demo articles for desk work: guidance for professionals, FAQs, and canned answers operators
 * adapt in chat and e-mail (internal). Numbers and per-country availability are flagged for review.
 */
import type { DemoArticle } from './knowledge-articles.data';

const REGIONAL = 'regional@victor.example';
const SUPERVISOR_GR = 'supervisor.gr@victor.example';

const TEACHERS: DemoArticle = {
  slug: 'guidance-for-teachers',
  type: 'professional_guidance',
  audience: 'professionals',
  countryCode: null,
  org: 'tdh',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['schools', 'teachers', 'indicators'],
  taxonomyCodes: ['THB.UNSPECIFIED', 'VIOLENCE.CHILD_LABOUR', 'LIFE.SCHOOL_WORK', 'NONCOUNSELLING.PARENT_QUESTION'],
  needsReview: false,
  reviewNote: null,
  reviewInDays: 400,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'Guidance for teachers: when you suspect a pupil is exploited',
      summary: 'What a teacher can do, and what to leave to specialists, when a pupil shows signs of exploitation.',
      bodyMd: `Teachers are often the first adults to notice that something is wrong.

## Do

- listen, believe the pupil and stay calm
- write down what you saw and what the pupil said, in their words, with the date
- follow your school's child-protection procedure and inform the designated person
- call the info-desk for advice if you are unsure

## Do not

- question the pupil in detail or ask leading questions
- promise to keep a secret you cannot keep
- contact the person you suspect

## After a referral

Keep the pupil's routine as normal as possible and agree with the child-protection service on who stays in contact with the family.`,
    },
    {
      lang: 'hu',
      status: 'published',
      title: 'Útmutató pedagógusoknak: ha egy tanuló kizsákmányolását gyanítja',
      summary: 'Mit tehet a pedagógus, és mit bízzon szakemberekre, ha egy tanulón a kizsákmányolás jelei látszanak.',
      bodyMd: `Gyakran a pedagógus az első felnőtt, aki észreveszi, hogy valami nincs rendben.

## Tegye

- hallgassa meg a tanulót, higgyen neki, és maradjon nyugodt
- jegyezze le, mit látott és mit mondott a tanuló, az ő szavaival, dátummal
- kövesse az iskola gyermekvédelmi eljárását, és értesítse a kijelölt felelőst
- ha bizonytalan, kérjen tanácsot az információs ponttól

## Ne tegye

- ne kérdezze ki részletesen a tanulót, és ne tegyen fel sugalmazó kérdéseket
- ne ígérjen titoktartást, amelyet nem tud betartani
- ne lépjen kapcsolatba a gyanúsított személlyel

## A jelzés után

Tartsa a tanuló napi rutinját a lehető legszokásosabbnak, és egyeztessen a gyermekvédelmi szolgálattal arról, ki tartja a kapcsolatot a családdal.`,
    },
  ],
};

const BG_REPORT: DemoArticle = {
  slug: 'bg-how-to-report-trafficking',
  type: 'faq',
  audience: 'public',
  countryCode: 'BG',
  org: 'nadja',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['report', 'helpline'],
  taxonomyCodes: ['THB.INFORMATION', 'THB.UNSPECIFIED', 'NONCOUNSELLING.OTHER_SERVICES'],
  needsReview: true,
  reviewNote: 'Numbers and reporting channels to be confirmed by the BG desk.',
  reviewInDays: -10,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'How can I report suspected trafficking in Bulgaria?',
      summary: 'Who to call when you suspect that a child or an adult is being trafficked or exploited.',
      bodyMd: `## If someone is in danger now

Call **112**, the emergency number.

## If you are worried but there is no immediate danger

- call the info-desk during its opening hours; you can stay anonymous
- if a child has gone missing, call **116 000**
- write down what you saw: dates, places, vehicles, what people said

You do not need proof. Checking the facts is the job of the specialists you call.`,
    },
    {
      lang: 'bg',
      status: 'published',
      title: 'Как да сигнализирам за съмнение за трафик в България?',
      summary: 'На кого да се обадите, когато подозирате, че дете или възрастен е жертва на трафик или експлоатация.',
      bodyMd: `## Ако някой е в опасност в момента

Обадете се на **112**, единния номер за спешни повиквания.

## Ако се тревожите, но няма непосредствена опасност

- обадете се на информационното бюро в работното му време; можете да останете анонимни
- ако дете е изчезнало, обадете се на **116 000**
- запишете какво сте видели: дати, места, превозни средства, какво са казали хората

Не са ви нужни доказателства. Проверката на фактите е работа на специалистите, на които се обаждате.`,
    },
  ],
};

const HOTLINE_116000: DemoArticle = {
  slug: 'what-is-116000',
  type: 'faq',
  audience: 'public',
  countryCode: null,
  org: 'smile',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['missing-children', 'helpline', '116000'],
  taxonomyCodes: ['MISSING.RUNAWAY', 'MISSING.PARENTAL_ABDUCTION', 'MISSING.CRIMINAL_ABDUCTION', 'MISSING.LOST_INJURED', 'MISSING.MIGRANT'],
  needsReview: true,
  reviewNote: 'Availability and operators of 116 000 per country to be confirmed by each desk.',
  reviewInDays: 200,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'What is 116 000?',
      summary: '116 000 is the European number for hotlines for missing children.',
      bodyMd: `**116 000** is the number reserved in Europe for hotlines for missing children. Call it when a child has run away, been abducted, got lost or gone missing while migrating.

## What the hotline does

- listens and supports the family or the child
- passes the report to the police and the services concerned
- stays in contact with the family while the child is missing

## When to call

Call **straight away**: there is no need to wait hours before reporting a missing child. If the child is in immediate danger, call **112**.`,
    },
    {
      lang: 'uk',
      status: 'published',
      title: 'Що таке 116 000?',
      summary: '116 000 — європейський номер гарячих ліній у справах зниклих дітей.',
      bodyMd: `**116 000** — номер, зарезервований у Європі для гарячих ліній у справах зниклих дітей. Телефонуйте, якщо дитина втекла з дому, її викрали, вона загубилася або зникла під час міграції.

## Що робить гаряча лінія

- вислуховує та підтримує родину або дитину
- передає повідомлення поліції та відповідним службам
- залишається на зв'язку з родиною, поки дитину шукають

## Коли телефонувати

Телефонуйте **одразу**: не потрібно чекати кілька годин, щоб повідомити про зникнення дитини. Якщо дитина в безпосередній небезпеці, телефонуйте **112**.`,
    },
  ],
};

/** Guidance for professionals and FAQs. */
export const GUIDANCE_AND_FAQ: readonly DemoArticle[] = [TEACHERS, BG_REPORT, HOTLINE_116000];

const CHAT_OPENING: DemoArticle = {
  slug: 'canned-chat-first-reply',
  type: 'canned_answer',
  audience: 'internal',
  countryCode: null,
  org: 'smile',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['chat', 'first-contact'],
  taxonomyCodes: ['THB.INFORMATION', 'NONCOUNSELLING.ABOUT_HELPLINE'],
  needsReview: false,
  reviewNote: null,
  reviewInDays: 365,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'Chat: first reply to someone worried about trafficking',
      summary: 'A calm opening message for chat; adapt it to what the person wrote.',
      bodyMd: `> Hello, thank you for writing to us. I am a counsellor at the info-desk. You can tell me as much or as little as you want, and you do not have to give your name. Are you safe right now?

**Then:** if the person is in immediate danger, give the emergency number **112** first. Otherwise ask one open question at a time ("What happened?", "How can I help?") and do not promise outcomes you cannot guarantee.`,
    },
    {
      lang: 'el',
      status: 'published',
      title: 'Συνομιλία: πρώτη απάντηση σε κάποιον που ανησυχεί για εμπορία',
      summary: 'Ένα ήρεμο πρώτο μήνυμα για τη συνομιλία· προσαρμόστε το σε ό,τι έγραψε το άτομο.',
      bodyMd: `> Γεια σας, σας ευχαριστούμε που μας γράψατε. Είμαι σύμβουλος στο γραφείο πληροφόρησης. Μπορείτε να μου πείτε όσα θέλετε και δεν χρειάζεται να δώσετε το όνομά σας. Είστε ασφαλής αυτή τη στιγμή;

**Έπειτα:** αν το άτομο κινδυνεύει άμεσα, δώστε πρώτα τον αριθμό έκτακτης ανάγκης **112**. Διαφορετικά κάντε μία ανοιχτή ερώτηση τη φορά («Τι συνέβη;», «Πώς μπορώ να βοηθήσω;») και μην υπόσχεστε αποτελέσματα που δεν μπορείτε να εγγυηθείτε.`,
    },
  ],
};

const EMAIL_ACK: DemoArticle = {
  slug: 'canned-email-report-received',
  type: 'canned_answer',
  audience: 'internal',
  countryCode: null,
  org: 'smile',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['e-mail', 'report', 'referral'],
  taxonomyCodes: ['THB.UNSPECIFIED', 'NONCOUNSELLING.OTHER_SERVICES'],
  needsReview: false,
  reviewNote: null,
  reviewInDays: 365,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'E-mail: we received your report',
      summary: 'Acknowledges a report sent by e-mail and explains what happens next.',
      bodyMd: `> Dear sender,
>
> Thank you for your message. We have received your report and a counsellor is reviewing it. If what you describe needs action by the police or child-protection services, we will pass it on to them; we share only what they need to help.
>
> If anyone is in danger now, please call **112**. You can also call us during our opening hours to talk to a counsellor.
>
> Kind regards,
> the info-desk team

**Before sending:** remove anything the sender did not write themselves and never confirm details about a third person.`,
    },
    {
      lang: 'ro',
      status: 'published',
      title: 'E-mail: am primit sesizarea dumneavoastră',
      summary: 'Confirmă primirea unei sesizări trimise prin e-mail și explică pașii următori.',
      bodyMd: `> Stimate expeditor,
>
> Vă mulțumim pentru mesaj. Am primit sesizarea dumneavoastră și un consilier o analizează. Dacă ceea ce descrieți necesită intervenția poliției sau a serviciilor de protecție a copilului, le vom transmite informațiile; comunicăm doar ceea ce le este necesar pentru a ajuta.
>
> Dacă cineva este în pericol acum, sunați la **112**. Ne puteți suna și în programul nostru pentru a vorbi cu un consilier.
>
> Cu stimă,
> echipa biroului de informare

**Înainte de trimitere:** eliminați tot ce nu a scris expeditorul însuși și nu confirmați niciodată detalii despre o terță persoană.`,
    },
  ],
};

/** Canned answers for chat and e-mail (staff only). */
export const CANNED_ANSWERS: readonly DemoArticle[] = [CHAT_OPENING, EMAIL_ACK];
