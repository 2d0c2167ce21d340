/**
 * Labels of the shipped regional taxonomy (taxonomy.data.ts) in the interface languages other than
 * English, keyed by code: every group code and every code of REGIONAL_TAXONOMY. ensureTaxonomy seeds
 * them into version 1 next to the English label.
 *
 * These translations are DRAFTS, to be reviewed by each country desk in the taxonomy editor. Once
 * seeded they are editable data, not code: a desk corrects its language there (a new draft version,
 * then publish), not by changing this file. The file only matters for a database seeded afresh.
 *
 * The labels are split by group into two files to keep them readable; this file merges them.
 */
import { COUNSELLING_LABELS } from './taxonomy-labels-counselling.data';
import { PROTECTION_LABELS } from './taxonomy-labels-protection.data';

/** The interface languages besides English (English lives in taxonomy.data.ts). */
export const TAXONOMY_LABEL_LANGUAGES = ['el', 'bg', 'ro', 'sl', 'sr', 'uk', 'hu', 'ru'] as const;
export type TaxonomyLabelLanguage = (typeof TAXONOMY_LABEL_LANGUAGES)[number];

/** The labels of one code; Serbian is written in Latin script. */
export type TaxonomyLabelSet = Readonly<Partial<Record<TaxonomyLabelLanguage, string>>>;

/** Labels by code, for every regional group and code. */
export const TAXONOMY_LABELS: Readonly<Record<string, TaxonomyLabelSet>> = Object.freeze({
  ...PROTECTION_LABELS,
  ...COUNSELLING_LABELS,
});
