/**
 * Flush files and directories to the disk, so a rename that publishes them is never seen by a
 * later start (after an OS crash) before their contents are.
 */
import fs from 'node:fs';
import path from 'node:path';

/** fsync one file. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * fsync a directory, making the creation, removal and renaming of its entries durable.
 * Platforms that cannot open directories (Windows) are skipped: they have no such step.
 */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR' || code === 'EPERM' || code === 'EACCES') return;
    throw err;
  }
  try {
    fs.fsyncSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM') throw err;
  } finally {
    fs.closeSync(fd);
  }
}

/** fsync every file and directory under `root`, children before parents, then `root` itself. */
export function fsyncTree(root: string): void {
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) fsyncTree(full);
    else if (entry.isFile()) fsyncFile(full);
  }
  fsyncDir(root);
}
