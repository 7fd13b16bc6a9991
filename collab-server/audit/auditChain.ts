import { createHash } from 'node:crypto';

/** The fields of an entry that its hash covers, in a fixed order. */
export interface ChainedFields {
  seq: number;
  at: string;
  action: string;
  userId: string | null;
  loginId: string | null;
  agencyId: string | null;
  caseId: string | null;
  section: string | null;
  detail: Record<string, unknown>;
  address: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so that the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function entryHash(previousHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonical(fields)).digest('hex');
}
