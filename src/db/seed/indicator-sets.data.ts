/**
 * The two indicator sets Victor starts with (version 1, needs review). Compiled for Victor from the
 * operational indicators widely published by international bodies (ILO, UNODC, EU-funded guidance),
 * written in our own words; country desks review and publish their own versions.
 *
 * Strength: how much one "yes" weighs (see src/domain/cases/screening.ts). For children, means are not
 * required: a strong exploitation indicator alone (or a medium one with medium recruitment) is enough
 * for a clear concern.
 */
import type { IndicatorSetInput } from '../../api/cases.schemas';

type SeedIndicator = IndicatorSetInput['indicators'][number];

const SOURCE =
  'Compiled for Victor from widely published trafficking indicator lists (ILO/UNODC/EU-style operational indicators), written in our own words. Advisory only; to be reviewed by each country desk before use.';

/** Shorthand for one indicator with English label and help. */
function ind(code: string, element: SeedIndicator['element'], strength: SeedIndicator['strength'], appliesTo: SeedIndicator['appliesTo'], forms: SeedIndicator['forms'], label: string, help: string): SeedIndicator {
  return { code, element, strength, appliesTo, forms, labels: { en: label }, help: { en: help } };
}

const childIndicators: SeedIndicator[] = [
  // recruitment (the act)
  ind('C-REC-01', 'recruitment', 'medium', 'child', [], 'Moved or transported by someone other than a parent or legal guardian', 'Within the country or across a border; the journey or the move was organised by a third person.'),
  ind('C-REC-02', 'recruitment', 'medium', 'child', ['labour', 'sexual', 'forced_marriage'], 'Promised work, schooling, marriage or a better life elsewhere by the person who arranged the move', 'Offers made to the child or to the family, often by an acquaintance or an intermediary.'),
  ind('C-REC-03', 'recruitment', 'strong', 'child', ['labour', 'domestic_servitude', 'illegal_adoption', 'forced_marriage'], 'Handed over, sold or "given" to another person or family for money or another benefit', 'Includes arrangements presented as help to the family, a dowry, or settling a debt.'),
  ind('C-REC-04', 'recruitment', 'medium', 'child', ['sexual', 'online'], 'Groomed online by an unknown adult or older peer who proposed meeting, travelling or earning money', 'Trust built through chats, gifts or a relationship, then a request to meet, move or "work".'),
  ind('C-REC-05', 'recruitment', 'weak', 'child', ['labour', 'sexual'], 'Travel, documents or accommodation paid for by someone else, with something expected in return', 'The child or family may believe they now owe that person.'),
  ind('C-REC-06', 'recruitment', 'medium', 'child', ['sexual'], 'In contact with a much older "partner" or a person known to recruit other children', 'For example a "boyfriend" who isolates the child from family and friends.'),
  // exploitation (the purpose)
  ind('C-EXP-01', 'exploitation', 'strong', 'child', ['sexual'], 'Involved in selling sex or sexual acts, offline or online', 'Any such involvement of a child is exploitation, whatever the child says about choice.'),
  ind('C-EXP-02', 'exploitation', 'strong', 'child', ['sexual', 'online'], 'Sexual images or live streams of the child are made, sold or shared by others', 'Including material the child was pressured or paid to produce.'),
  ind('C-EXP-03', 'exploitation', 'strong', 'child', ['labour'], 'Works for someone else’s benefit in hazardous conditions, long hours or instead of school', 'Agriculture, construction, factories, markets, car washes, restaurants and similar.'),
  ind('C-EXP-04', 'exploitation', 'strong', 'child', ['begging'], 'Made to beg and hands the money over to an adult or group', 'Often moved between places; may be accompanied or watched from a distance.'),
  ind('C-EXP-05', 'exploitation', 'strong', 'child', ['criminal_activities'], 'Made to commit offences (theft, pickpocketing, drug selling or carrying) for others', 'The proceeds go to adults; the child may be presented as an offender first.'),
  ind('C-EXP-06', 'exploitation', 'medium', 'child', ['domestic_servitude'], 'Does household or care work in a home not their own, without pay, schooling or free time', 'Sometimes presented as fostering or as help to relatives.'),
  ind('C-EXP-07', 'exploitation', 'strong', 'child', ['forced_marriage'], 'Married or promised in marriage, formally or informally, by others', 'Including religious or customary unions and engagements arranged for money.'),
  ind('C-EXP-08', 'exploitation', 'medium', 'child', ['labour', 'begging', 'sexual', 'criminal_activities'], 'Does not keep what they earn, or keeps only a small part', 'Money is collected by an adult, a "boss" or the person they live with.'),
  ind('C-EXP-09', 'exploitation', 'medium', 'child', ['organ_removal'], 'Unexplained injuries or signs of medical procedures not accounted for by the child’s history', 'For example surgical scars; ask for a medical assessment.'),
  ind('C-EXP-10', 'exploitation', 'medium', 'child', ['illegal_adoption'], 'Placed with a family or adopted outside the official procedure, for payment', 'Including babies registered as the child of someone who is not the parent.'),
  ind('C-EXP-11', 'exploitation', 'weak', 'child', ['sexual', 'criminal_activities'], 'Has money, phones, clothes or gifts that do not fit their situation, given by adults', 'On its own this is a reason to ask more, not a conclusion.'),
  // means (not required for children)
  ind('C-MEA-01', 'means', 'medium', 'child', [], 'The child or people close to them are threatened', 'With violence, shame, exposure of images, or being reported to the police or immigration.'),
  ind('C-MEA-02', 'means', 'medium', 'child', ['labour', 'sexual'], 'Identity or travel documents are held by someone else', 'Not by a parent or guardian acting in the child’s interest.'),
  ind('C-MEA-03', 'means', 'medium', 'child', ['labour', 'sexual', 'begging'], 'Owes, or believes they owe, a debt to the person who controls them', 'For travel, food, housing or "protection".'),
  ind('C-MEA-04', 'means', 'strong', 'child', [], 'Beaten, sexually abused, drugged or locked up by those who control them', 'Refer for medical care and child protection at once.'),
  ind('C-MEA-05', 'means', 'weak', 'child', [], 'Movements, phone or contacts are watched or restricted by an adult who is not a carer', 'Someone answers for the child or never leaves them alone.'),
  // vulnerability
  ind('C-VUL-01', 'vulnerability', 'medium', 'child', [], 'Unaccompanied or separated from parents or legal guardians', 'Including children travelling with adults who are not their legal guardians.'),
  ind('C-VUL-02', 'vulnerability', 'medium', 'child', [], 'Has run away or gone missing repeatedly, from home or from care', 'Ask where they stayed and who they were with.'),
  ind('C-VUL-03', 'vulnerability', 'weak', 'child', [], 'Out of school, or attends rarely', 'Or has never been registered in school.'),
  ind('C-VUL-04', 'vulnerability', 'weak', 'child', [], 'Lives with poverty, homelessness, violence, neglect or substance abuse at home', 'Family circumstances others may take advantage of.'),
  ind('C-VUL-05', 'vulnerability', 'weak', 'child', [], 'Does not speak the local language, or has no legal status in the country', 'Makes asking for help harder and dependence on others greater.'),
  ind('C-VUL-06', 'vulnerability', 'weak', 'child', [], 'Has a disability or developmental condition others may take advantage of', 'Adapt the conversation and involve a specialist where needed.'),
  ind('C-VUL-07', 'vulnerability', 'weak', 'child', [], 'Cannot say where they live or who looks after them, or tells a rehearsed story', 'The same story as other children, or answers that seem learnt.'),
];

const generalIndicators: SeedIndicator[] = [
  // recruitment (the act)
  ind('G-REC-01', 'recruitment', 'medium', 'all', ['labour', 'sexual', 'domestic_servitude', 'forced_marriage'], 'Recruited with an offer (job, studies, marriage) whose real conditions turned out different', 'Deceptive recruitment: the kind of work, the pay, the place or the employer were not as promised.'),
  ind('G-REC-02', 'recruitment', 'medium', 'all', ['labour'], 'Travel, documents or the job arranged by an intermediary or agency charging high fees', 'Fees paid in advance or deducted later from wages.'),
  ind('G-REC-03', 'recruitment', 'strong', 'all', [], 'Sold, exchanged or handed over to another person', 'Including being "passed on" between employers or groups.'),
  ind('G-REC-04', 'recruitment', 'weak', 'all', ['labour', 'sexual'], 'Moved between places or countries by the people they work for', 'The person does not decide where they go next.'),
  ind('G-REC-05', 'recruitment', 'weak', 'all', ['sexual', 'online'], 'Approached online with an offer that led to travelling or meeting', 'Social media, dating apps or job sites.'),
  ind('G-REC-06', 'recruitment', 'strong', 'all', [], 'Abducted or taken by force', 'Record when and where, as far as the person is willing to say.'),
  // exploitation (the purpose)
  ind('G-EXP-01', 'exploitation', 'strong', 'all', ['sexual', 'online'], 'Made to provide sexual services or acts, offline or online, for others’ profit', 'Including "debts" paid off through sex, and webcam work under pressure.'),
  ind('G-EXP-02', 'exploitation', 'strong', 'all', ['labour'], 'Works under conditions they cannot refuse or leave: excessive hours, no or token pay, no rest', 'Ask what would happen if they stopped working or left.'),
  ind('G-EXP-03', 'exploitation', 'medium', 'all', ['labour', 'domestic_servitude'], 'Wages withheld, heavily deducted or paid to someone else', 'Deductions for housing, food, transport or "fines" leave little or nothing.'),
  ind('G-EXP-04', 'exploitation', 'medium', 'all', ['labour', 'domestic_servitude'], 'Lives at the workplace or in housing provided by the employer, in degrading or crowded conditions', 'No privacy, no choice of where to live.'),
  ind('G-EXP-05', 'exploitation', 'strong', 'all', ['begging', 'criminal_activities'], 'Made to beg or commit offences, and must hand over the earnings', 'Shoplifting, pickpocketing, drug cultivation or selling, benefit fraud.'),
  ind('G-EXP-06', 'exploitation', 'strong', 'all', ['forced_marriage'], 'Married against their will, or kept in a marriage by force or threats', 'Including marriages arranged for a payment or to obtain residence.'),
  ind('G-EXP-07', 'exploitation', 'medium', 'all', ['domestic_servitude'], 'Does domestic work in a private home without pay, rest or freedom to leave', 'Cleaning, cooking or caring around the clock.'),
  ind('G-EXP-08', 'exploitation', 'medium', 'all', ['organ_removal'], 'Pressured or deceived into giving an organ, or shows unexplained surgery', 'Refer for a medical assessment.'),
  ind('G-EXP-09', 'exploitation', 'weak', 'adult', ['labour'], 'Cannot name the employer or the workplace address, or does not know what they earn', 'On its own this is a reason to ask more.'),
  // means
  ind('G-MEA-01', 'means', 'strong', 'all', [], 'Physical or sexual violence, or confinement, by those they work for', 'Locked in, guarded, or hurt to keep them working.'),
  ind('G-MEA-02', 'means', 'medium', 'all', [], 'Threatened: themselves, their family, exposure, or being reported to the authorities', 'Threats of deportation are common with irregular migrants.'),
  ind('G-MEA-03', 'means', 'medium', 'all', ['labour', 'sexual'], 'Held by a debt that keeps growing and ties them to the employer', 'Debt bondage: the debt cannot realistically be paid off.'),
  ind('G-MEA-04', 'means', 'medium', 'all', [], 'Identity or travel documents taken away', 'Kept "for safety" by the employer, the landlord or an intermediary.'),
  ind('G-MEA-05', 'means', 'medium', 'adult', [], 'Deceived about the nature of the work, the pay or the conditions', 'Deception used to obtain agreement that would not otherwise have been given.'),
  ind('G-MEA-06', 'means', 'weak', 'all', [], 'Movements, phone or contacts controlled or watched', 'Someone speaks for them or is always present.'),
  ind('G-MEA-07', 'means', 'medium', 'all', ['sexual'], 'Given drugs or alcohol to keep them dependent or compliant', 'Or an existing addiction is used to control them.'),
  ind('G-MEA-08', 'means', 'weak', 'adult', [], 'Someone took advantage of their lack of status, dependence or lack of alternatives', 'Abuse of a position of vulnerability: they felt they had no real choice.'),
  // vulnerability
  ind('G-VUL-01', 'vulnerability', 'weak', 'all', [], 'No legal residence or no permission to work', 'Fear of the authorities keeps people from asking for help.'),
  ind('G-VUL-02', 'vulnerability', 'weak', 'all', [], 'Does not speak the local language and has no contacts outside work', 'Isolation from the community.'),
  ind('G-VUL-03', 'vulnerability', 'weak', 'all', [], 'Poverty, debts or family obligations at home', 'Money expected by the family back home.'),
  ind('G-VUL-04', 'vulnerability', 'weak', 'all', [], 'Trafficked or exploited before, or has a history of abuse', 'Re-trafficking is common.'),
  ind('G-VUL-05', 'vulnerability', 'medium', 'child', [], 'A child (or possibly a child) with no parent or guardian present', 'Use the child-specific indicator set as well.'),
  ind('G-VUL-06', 'vulnerability', 'weak', 'all', [], 'Disability, mental-health difficulties or addiction', 'Others may take advantage of it.'),
];

/** The indicator sets seeded as version 1 when their key does not exist yet. */
export const INDICATOR_SETS_SEED: IndicatorSetInput[] = [
  { key: 'child-thb', audience: 'child', titles: { en: 'Child trafficking indicators' }, source: SOURCE, indicators: childIndicators },
  { key: 'general-thb', audience: 'general', titles: { en: 'Trafficking in human beings: general indicators' }, source: SOURCE, indicators: generalIndicators },
];
