/**
 * Search terms of a case: keyed hashes of the words of its title and of every person's given name,
 * family name and alias. The list matches them without decrypting anything.
 */
import type { Db } from '../db/database';
import * as caseListRepo from '../db/repos/case-list.repo';
import * as caseRepo from '../db/repos/case.repo';
import { openField } from './case-access';
import type { ServiceContext } from './context';
import { getKeyedHasher } from './keyed-hash.service';

/**
 * Recompute and store a case's search terms (call after changing its title or any person's names,
 * in the same transaction). Does not bump the case's version.
 */
export async function refreshCaseSearchTerms(tx: Db, ctx: ServiceContext, caseId: string): Promise<string[]> {
  const row = await caseRepo.findCaseById(tx, caseId);
  if (!row) return [];
  const persons = await caseListRepo.listPersonNameFields(tx, caseId);
  const texts: (string | null)[] = [openField(ctx, 'cases.title', caseId, row.titleEnc)];
  for (const p of persons) {
    texts.push(
      openField(ctx, 'case_persons.given_name', p.id, p.givenNameEnc),
      openField(ctx, 'case_persons.family_name', p.id, p.familyNameEnc),
      openField(ctx, 'case_persons.alias', p.id, p.aliasEnc),
    );
  }
  const terms = (await getKeyedHasher(ctx, tx)).hashText(...texts).sort();
  await caseListRepo.setCaseSearchTerms(tx, caseId, terms);
  return terms;
}
