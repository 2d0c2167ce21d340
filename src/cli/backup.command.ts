/**
 * `victor backup <file>` and `victor restore <file>`: logical, portable backups (see
 * src/services/backup.service.ts for the file format).
 */
import { resolve } from 'node:path';
import { readBackupHeader, restoreBackup, writeBackup, type BackupProgress } from '../services/backup.service';
import type { ServiceContext } from '../services/context';
import type { CliIo, ProgressDisplay } from './cli-io';
import { EXIT } from './cli-runtime';

function progressReporter(io: CliIo, label: string): { onProgress: (p: BackupProgress) => void; stop: () => void } {
  let bar: ProgressDisplay | undefined;
  return {
    onProgress: (p) => {
      bar ??= io.progress(label, p.total);
      bar.update(p.done, p.table);
    },
    stop: () => bar?.stop(),
  };
}

function summarise(tables: Record<string, number>): string {
  return Object.entries(tables)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
}

/** Write a backup of the whole database to `file` (mode 0600). */
export async function backupCommand(ctx: ServiceContext, args: { file: string; force?: boolean }, io: CliIo): Promise<number> {
  const file = resolve(args.file);
  const progress = progressReporter(io, 'backing up');
  const header = await writeBackup(ctx.database, file, { onProgress: progress.onProgress, overwrite: args.force });
  progress.stop();
  const total = Object.values(header.tables).reduce((a, b) => a + b, 0);
  io.out(`backup written to ${file}: ${total} rows (${summarise(header.tables)}), schema ${header.schemaVersions.at(-1) ?? '-'}`);
  io.out('it holds personal data and password hashes: keep it as safe as the database.');
  io.out('encrypted fields need the same encryption keys (VICTOR_ENCRYPTION_KEYS or DATA_DIR/victor-encryption.key): back them up separately.');
  return EXIT.ok;
}

/** Restore a backup into an empty database, then check row counts and the audit chain. */
export async function restoreCommand(ctx: ServiceContext, args: { file: string }, io: CliIo): Promise<number> {
  const file = resolve(args.file);
  const header = await readBackupHeader(file);
  io.err(`restoring the backup of ${header.createdAt} (schema ${header.schemaVersions.at(-1) ?? '-'})`);
  const progress = progressReporter(io, 'restoring');
  const result = await restoreBackup(ctx.database, file, { onProgress: progress.onProgress });
  progress.stop();
  const total = Object.values(result.tables).reduce((a, b) => a + b, 0);
  io.out(`restored ${total} rows (${summarise(result.tables)})`);
  if (Object.keys(result.replaced).length) io.out(`replaced reference data that was there: ${summarise(result.replaced)}`);
  io.out(`row counts match the backup; audit log verified: ${result.auditEntries} entries`);
  io.out('encrypted fields (two-factor secrets) need the encryption keys of the instance that made the backup.');
  return EXIT.ok;
}

