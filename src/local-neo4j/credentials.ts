/**
 * The local Neo4j's password. No default secret: unless NEO4J_PASSWORD is given, a random
 * one is generated on first start and kept (mode 0600) in the local directory, where
 * other tools such as cypher-shell can read it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function passwordFile(dir: string): string {
  return join(dir, 'neo4j-password');
}

/** Returns the password to use and makes sure the launcher's password file holds it. */
export function ensurePassword(dir: string, given: string | undefined): string {
  mkdirSync(dir, { recursive: true });
  const file = passwordFile(dir);
  if (given) {
    if (!existsSync(file) || readFileSync(file, 'utf8').trim() !== given) writeSecret(file, given);
    return given;
  }
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 8) return stored;
  }
  const generated = randomBytes(18).toString('base64url');
  writeSecret(file, generated);
  return generated;
}

function writeSecret(file: string, value: string): void {
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
