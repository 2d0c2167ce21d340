/**
 * Invented demo articles on international legal instruments, in plain words. Legal statements are flagged
 * for the regional coordinator's review; the exact text is linked at its official source.
 */
import type { DemoArticle } from './knowledge-articles.data';

const REGIONAL = 'regional@victor.example';
const SUPERVISOR_GR = 'supervisor.gr@victor.example';
const LEGAL_NOTE = 'Legal statements to be confirmed by the regional coordinator before the next review.';

/** The Palermo Protocol in plain words (public). */
export const PALERMO: DemoArticle = {
  slug: 'palermo-protocol-explained',
  type: 'legal_instrument',
  audience: 'public',
  countryCode: null,
  org: 'smile',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['law', 'international'],
  taxonomyCodes: ['THB.INFORMATION'],
  needsReview: true,
  reviewNote: LEGAL_NOTE,
  reviewInDays: -5,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'The Palermo Protocol in plain words',
      summary: 'The UN protocol of 2000 gives the internationally agreed definition of trafficking in persons.',
      bodyMd: `The *Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children* supplements the UN Convention against Transnational Organized Crime. It was adopted in 2000 and is known as the Palermo Protocol.

## The definition

Trafficking has three elements:

1. **an act**: recruiting, transporting, transferring, harbouring or receiving a person;
2. **a means**: threats, force, coercion, abduction, fraud, deception, abuse of power or of a position of vulnerability, or payments to someone who controls the person;
3. **a purpose**: exploitation.

When the person is a **child** (under 18), the means do not need to be shown: the act and the purpose are enough.

## Consent

A victim's consent to the intended exploitation does not matter once any of the means has been used.

## Further reading

The text of the protocol is published by the [United Nations Office on Drugs and Crime](https://www.unodc.org/).`,
    },
    {
      lang: 'ro',
      status: 'published',
      title: 'Protocolul de la Palermo pe înțelesul tuturor',
      summary: 'Protocolul ONU din anul 2000 oferă definiția convenită la nivel internațional a traficului de persoane.',
      bodyMd: `*Protocolul privind prevenirea, reprimarea și pedepsirea traficului de persoane, în special al femeilor și copiilor* completează Convenția ONU împotriva criminalității transnaționale organizate. A fost adoptat în anul 2000 și este cunoscut drept Protocolul de la Palermo.

## Definiția

Traficul are trei elemente:

1. **o acțiune**: recrutarea, transportul, transferul, adăpostirea sau primirea unei persoane;
2. **un mijloc**: amenințarea, forța, constrângerea, răpirea, frauda, înșelăciunea, abuzul de putere sau de o situație de vulnerabilitate ori plăți către cineva care controlează persoana;
3. **un scop**: exploatarea.

Când persoana este un **copil** (sub 18 ani), mijloacele nu trebuie dovedite: acțiunea și scopul sunt suficiente.

## Consimțământul

Consimțământul victimei la exploatarea urmărită nu contează atunci când s-a folosit oricare dintre mijloace.

## Pentru mai multe informații

Textul protocolului este publicat de [Oficiul Națiunilor Unite pentru Droguri și Criminalitate](https://www.unodc.org/).`,
    },
  ],
};

/** The Council of Europe Convention (professionals). */
export const COE: DemoArticle = {
  slug: 'council-of-europe-convention-on-thb',
  type: 'legal_instrument',
  audience: 'professionals',
  countryCode: null,
  org: 'smile',
  author: SUPERVISOR_GR,
  publisher: REGIONAL,
  tags: ['law', 'council-of-europe', 'greta'],
  taxonomyCodes: ['THB.INFORMATION', 'THB.UNSPECIFIED'],
  needsReview: true,
  reviewNote: LEGAL_NOTE,
  reviewInDays: 20,
  translations: [
    {
      lang: 'en',
      status: 'published',
      title: 'Council of Europe Convention on Action against Trafficking in Human Beings',
      summary: 'A human-rights based convention (CETS No. 197) with an independent monitoring group, GRETA.',
      bodyMd: `The Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197) was opened for signature in Warsaw in 2005. It builds on the Palermo Protocol's definition and puts the **rights of victims** at the centre.

## What it asks of states (overview)

- identify victims, with a recovery and reflection period for presumed victims
- assistance regardless of whether the victim cooperates with the authorities
- special measures for children, including age assessment in favour of the child when age is uncertain
- cooperation between states and with civil society

## Monitoring

An independent expert group, **GRETA**, evaluates how each party applies the convention and publishes country reports.

Check the exact obligations against the convention text on the [Council of Europe website](https://www.coe.int/en/web/anti-human-trafficking).`,
    },
    {
      lang: 'bg',
      status: 'published',
      title: 'Конвенция на Съвета на Европа за борба с трафика на хора',
      summary: 'Конвенция, основана на правата на човека (CETS № 197), с независима група за мониторинг – GRETA.',
      bodyMd: `Конвенцията на Съвета на Европа за борба с трафика на хора (CETS № 197) е открита за подписване във Варшава през 2005 г. Тя надгражда определението от Протокола от Палермо и поставя **правата на жертвите** в центъра.

## Какво изисква от държавите (преглед)

- идентифициране на жертвите и период за възстановяване и размисъл за предполагаемите жертви
- помощ независимо от това дали жертвата сътрудничи на властите
- специални мерки за деца, включително оценка на възрастта в полза на детето, когато тя е несигурна
- сътрудничество между държавите и с гражданското общество

## Мониторинг

Независима експертна група, **GRETA**, оценява как всяка страна прилага конвенцията и публикува доклади по държави.

Проверете точните задължения в текста на конвенцията на [уебсайта на Съвета на Европа](https://www.coe.int/en/web/anti-human-trafficking).`,
    },
  ],
};
