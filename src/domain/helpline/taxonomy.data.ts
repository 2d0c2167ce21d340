/**
 * The regional code list Victor ships as taxonomy version 1. Codes and wording are Victor's own;
 * they are built to map onto the Child Helpline International data framework, the 116 000 case types
 * and the trafficking forms of the case-data standards (HTCDS/CTDC). Labels in the other interface
 * languages are in taxonomy-labels.data.ts (drafts for the country desks to review in the editor).
 */
import type { TaxonomyModule } from './taxonomy';

/** One code in the seed: [code, English label]; the group comes from the code's first segment. */
type SeedCode = readonly [code: string, label: string];

interface SeedGroup {
  code: string;
  module: TaxonomyModule;
  label: string;
  codes: readonly SeedCode[];
}

/** Version 1 of the regional taxonomy. */
export const REGIONAL_TAXONOMY: readonly SeedGroup[] = [
  {
    code: 'THB',
    module: 'thb',
    label: 'Trafficking in human beings',
    codes: [
      ['THB.SEXUAL', 'Sexual exploitation'],
      ['THB.LABOUR', 'Labour exploitation'],
      ['THB.BEGGING', 'Forced begging'],
      ['THB.CRIMINAL', 'Exploitation in criminal activities'],
      ['THB.FORCED_MARRIAGE', 'Forced or early marriage for exploitation'],
      ['THB.DOMESTIC_SERVITUDE', 'Domestic servitude'],
      ['THB.ORGAN_REMOVAL', 'Removal of organs'],
      ['THB.ILLEGAL_ADOPTION', 'Illegal adoption'],
      ['THB.ONLINE', 'Online recruitment or exploitation'],
      ['THB.UNSPECIFIED', 'Suspected trafficking, form not yet known'],
      ['THB.INFORMATION', 'Information request about trafficking'],
    ],
  },
  {
    code: 'MISSING',
    module: 'missing',
    label: 'Missing children (116 000)',
    codes: [
      ['MISSING.RUNAWAY', 'Runaway'],
      ['MISSING.PARENTAL_ABDUCTION', 'Parental abduction'],
      ['MISSING.CRIMINAL_ABDUCTION', 'Criminal abduction'],
      ['MISSING.LOST_INJURED', 'Lost or injured'],
      ['MISSING.MIGRANT', 'Missing in migration'],
      ['MISSING.OTHER', 'Otherwise missing'],
    ],
  },
  {
    code: 'VIOLENCE',
    module: 'chi',
    label: 'Violence',
    codes: [
      ['VIOLENCE.BULLYING', 'Bullying'],
      ['VIOLENCE.CYBERBULLYING', 'Cyberbullying'],
      ['VIOLENCE.CHILD_MARRIAGE', 'Child, early or forced marriage'],
      ['VIOLENCE.CHILD_LABOUR', 'Child labour'],
      ['VIOLENCE.FGM', 'Female genital mutilation'],
      ['VIOLENCE.NEGLECT', 'Neglect'],
      ['VIOLENCE.ONLINE_SEXUAL', 'Online sexual abuse and exploitation'],
      ['VIOLENCE.HARMFUL_PRACTICES', 'Other harmful traditional practices'],
      ['VIOLENCE.PHYSICAL', 'Physical violence'],
      ['VIOLENCE.PSYCHOLOGICAL', 'Psychological or emotional violence'],
      ['VIOLENCE.SEXUAL', 'Sexual violence'],
      ['VIOLENCE.OTHER', 'Other violence'],
    ],
  },
  {
    code: 'MENTAL',
    module: 'chi',
    label: 'Mental health',
    codes: [
      ['MENTAL.SUBSTANCES', 'Addictive behaviour and substance use'],
      ['MENTAL.BEHAVIOUR', 'Behavioural problems'],
      ['MENTAL.SELF', 'Concerns about oneself'],
      ['MENTAL.DISTRESS', 'Emotional distress'],
      ['MENTAL.NEURODEVELOPMENTAL', 'Neurodevelopmental concerns'],
      ['MENTAL.EATING', 'Eating problems'],
      ['MENTAL.SELF_HARM', 'Self-harm'],
      ['MENTAL.SUICIDAL', 'Suicidal thoughts or attempts'],
      ['MENTAL.TRAUMA', 'Traumatic distress'],
    ],
  },
  {
    code: 'HEALTH',
    module: 'chi',
    label: 'Physical health',
    codes: [
      ['HEALTH.GENERAL', 'General medical'],
      ['HEALTH.HIV', 'HIV information'],
      ['HEALTH.NUTRITION', 'Nutrition'],
      ['HEALTH.PREGNANCY', 'Pregnancy and maternal health'],
      ['HEALTH.SRH', 'Sexual and reproductive health'],
    ],
  },
  {
    code: 'SERVICES',
    module: 'chi',
    label: 'Access to services',
    codes: [
      ['SERVICES.EDUCATION', 'Education'],
      ['SERVICES.ESSENTIAL_NEEDS', 'Essential needs'],
      ['SERVICES.HEALTHCARE', 'Healthcare'],
      ['SERVICES.LEGAL', 'Legal services and advice'],
      ['SERVICES.MENTAL_HEALTH', 'Mental health services'],
      ['SERVICES.SOCIO_ECONOMIC', 'Social and economic support'],
    ],
  },
  {
    code: 'DISCRIMINATION',
    module: 'chi',
    label: 'Discrimination and exclusion',
    codes: [
      ['DISCRIMINATION.ETHNICITY', 'Ethnicity or nationality'],
      ['DISCRIMINATION.FINANCIAL', 'Financial situation'],
      ['DISCRIMINATION.GENDER', 'Gender'],
      ['DISCRIMINATION.SOGIESC', 'Sexual orientation or gender identity'],
      ['DISCRIMINATION.HEALTH', 'Health or disability'],
      ['DISCRIMINATION.RELIGION', 'Religion or belief'],
    ],
  },
  {
    code: 'LIFE',
    module: 'chi',
    label: 'Relationships and daily life',
    codes: [
      ['LIFE.FAMILY', 'Family relationships'],
      ['LIFE.PEERS', 'Peer relationships'],
      ['LIFE.SCHOOL_WORK', 'School and work'],
      ['LIFE.SEXUALITY', 'Sexuality'],
    ],
  },
  {
    code: 'NONCOUNSELLING',
    module: 'non_counselling',
    label: 'Non-counselling contacts',
    codes: [
      ['NONCOUNSELLING.COMPLAINT', 'Complaint about the helpline'],
      ['NONCOUNSELLING.PARENT_QUESTION', 'Question from a parent'],
      ['NONCOUNSELLING.ABOUT_HELPLINE', 'Question about the helpline'],
      ['NONCOUNSELLING.OTHER_SERVICES', 'Question about other services'],
      ['NONCOUNSELLING.THANKS', 'Thanks'],
      ['NONCOUNSELLING.OTHER', 'Other'],
    ],
  },
  {
    code: 'NONDATA',
    module: 'non_data',
    label: 'Non-data contacts',
    codes: [
      ['NONDATA.SILENT', 'Silent'],
      ['NONDATA.HANG_UP', 'Hang-up'],
      ['NONDATA.PRANK', 'Prank'],
      ['NONDATA.WRONG_NUMBER', 'Wrong number'],
      ['NONDATA.ABUSIVE', 'Abusive'],
    ],
  },
];

/** Invented demo sub-codes: how a country desk adds its own labels under a regional code. */
export const DEMO_LOCAL_CODES: readonly { countryCode: string; code: string; mapsTo: string; labels: Record<string, string> }[] = [
  { countryCode: 'GR', code: 'THB.LABOUR.GR_SEASONAL', mapsTo: 'THB.LABOUR', labels: { en: 'Seasonal agricultural labour (GR desk)', el: 'Εποχική αγροτική εργασία' } },
  { countryCode: 'BG', code: 'THB.BEGGING.BG_STREET', mapsTo: 'THB.BEGGING', labels: { en: 'Street begging abroad (BG desk)', bg: 'Просия на улицата в чужбина' } },
];
