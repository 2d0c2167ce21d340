import { randomUUID } from 'node:crypto';
import * as caseRepo from '../../src/db/repos/case.repo';
import { sealField } from '../../src/services/case-access';
import type { ServiceContext } from '../../src/services/context';

/** What a case row is made with (the organisation must exist). */
export interface MakeCaseOptions extends Partial<Omit<caseRepo.CaseInsert, 'titleEnc'>> {
  organisationId: string;
  countryCode?: string;
  title?: string;
}

/**
 * Insert a case row directly (fixtures with known times and states). Defaults: an open, normal-priority
 * GR case opened now, title "Test case".
 */
export async function makeCaseRow(ctx: ServiceContext, o: MakeCaseOptions): Promise<caseRepo.CaseRow> {
  const id = o.id ?? randomUUID();
  const now = new Date();
  const countryCode = o.countryCode ?? 'GR';
  const { title, ...rest } = o;
  return caseRepo.insertCase(ctx.database.db, {
    reference: await caseRepo.nextCaseReference(ctx.database.db, countryCode, now.getUTCFullYear()),
    status: 'open',
    priority: 'normal',
    origin: 'direct',
    reportedAt: now,
    openedAt: now,
    statusChangedAt: now,
    lastActivityAt: now,
    ...rest,
    id,
    countryCode,
    titleEnc: sealField(ctx, 'cases.title', id, title ?? 'Test case')!,
  });
}
