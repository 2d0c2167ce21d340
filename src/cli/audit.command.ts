/**
 * `victor audit verify`: check the audit log's hash chain end to end.
 */
import { countRows } from '../db/repos/backup.repo';
import { verifyAudit } from '../services/audit.service';
import { SYSTEM_ACTOR, type ServiceContext } from '../services/context';
import type { CliIo } from './cli-io';
import { EXIT } from './cli-runtime';

/**
 * Verify every entry and the recorded chain head. Exit 0 when intact; 1 with the first bad entry
 * and the problem when an entry was altered, removed from the middle or cut off the end.
 */
export async function verifyAuditCommand(ctx: ServiceContext, io: CliIo): Promise<number> {
  const total = await countRows(ctx.database.db, 'audit_log');
  const bar = io.progress('verifying', total);
  const result = await verifyAudit(ctx, SYSTEM_ACTOR, (checked) => bar.update(checked));
  bar.stop();
  if (result.ok) {
    io.out(`audit log intact: ${result.checked} entries verified`);
    return EXIT.ok;
  }
  const where = result.firstBadId === null ? 'the chain head' : `entry ${result.firstBadId}`;
  io.out(`audit log TAMPERED at ${where}: ${result.problem ?? 'unknown problem'}`);
  io.out(`(${result.checked} entries verified before it)`);
  return EXIT.failure;
}

