/**
 * Age and the presumption of minority: when a person's age is uncertain and there are reasons to believe
 * they are a child, they are treated as a child until shown otherwise (as the anti-trafficking conventions
 * ask). Pure functions over what is recorded.
 */

export const AGE_BANDS = ['0-5', '6-11', '12-14', '15-17', '18-24', '25+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** What is known about a person's age. */
export interface AgeRecord {
  /** An exact age in years, when known. */
  years: number | null;
  ageBand: AgeBand;
  /** True when the age is not established (no documents, disputed, estimated). */
  uncertain: boolean;
  /** Staff noted signs that the person may be a child (appearance, statements, documents). */
  mayBeChild: boolean;
}

/** The band of an exact age. */
export function bandOfAge(years: number): AgeBand {
  if (years < 6) return '0-5';
  if (years < 12) return '6-11';
  if (years < 15) return '12-14';
  if (years < 18) return '15-17';
  if (years < 25) return '18-24';
  return '25+';
}

/** True when the person is a child: under 18, or presumed a minor while their age is uncertain. */
export function isTreatedAsChild(age: AgeRecord): boolean {
  const band = age.years !== null ? bandOfAge(age.years) : age.ageBand;
  const minorBand = band === '0-5' || band === '6-11' || band === '12-14' || band === '15-17';
  if (minorBand) return true;
  return presumesMinority(age);
}

/** The presumption of minority applies: the age is uncertain (or unknown) and the person may be a child. */
export function presumesMinority(age: AgeRecord): boolean {
  const unknown = age.years === null && age.ageBand === 'unknown';
  return (age.uncertain || unknown) && age.mayBeChild;
}
