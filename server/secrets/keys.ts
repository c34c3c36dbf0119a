import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';

export interface Keys {
  /** AES-256-GCM key for fields that identify people. */
  secretKey: Buffer;
  /** HMAC key of the audit chain; kept outside the database. */
  auditKey: Buffer;
}

function fromFileOrNew(file: string, name: string, warn: (message: string) => void): Buffer {
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold 32 bytes in base64`);
    return key;
  }
  const key = crypto.randomBytes(32);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  warn(`${name} is not set: generated a new key into ${file}. Back it up; set ${name} in production.`);
  return key;
}

/**
 * The keys from the environment, or — outside production only — from files in the data
 * directory, generated on first start. Losing the secret key makes encrypted fields unreadable.
 */
export function resolveKeys(config: Config, warn: (message: string) => void = console.warn): Keys {
  return {
    secretKey: config.secretKey
      ? Buffer.from(config.secretKey, 'base64')
      : fromFileOrNew(path.join(config.dataDir, 'secret.key'), 'AMAN_SECRET_KEY', warn),
    auditKey: config.auditKey
      ? Buffer.from(config.auditKey, 'base64')
      : fromFileOrNew(path.join(config.dataDir, 'audit.key'), 'AMAN_AUDIT_KEY', warn),
  };
}
