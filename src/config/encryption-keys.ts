import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { generateFieldKeySpec, parseFieldKeys, type FieldKey } from '../lib/crypto/field-encryption';
import type { Config } from './config';

/** Name of the generated key file inside DATA_DIR. */
export const KEY_FILE = 'victor-encryption.key';

/**
 * The field-encryption keys: from VICTOR_ENCRYPTION_KEYS, else from DATA_DIR/victor-encryption.key,
 * generated there (mode 0600) with a warning on first start.
 */
export function resolveEncryptionKeys(config: Config, logger: Logger): FieldKey[] {
  if (config.VICTOR_ENCRYPTION_KEYS) return parseFieldKeys(config.VICTOR_ENCRYPTION_KEYS);
  const file = join(resolve(config.DATA_DIR), KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${generateFieldKeySpec()}\n`, { mode: 0o600, flag: 'wx' });
    logger.warn({ file }, 'VICTOR_ENCRYPTION_KEYS is not set: generated a field-encryption key. Back it up; without it encrypted fields cannot be read.');
  }
  return parseFieldKeys(readFileSync(file, 'utf8').trim());
}
