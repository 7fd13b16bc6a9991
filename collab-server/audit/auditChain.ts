import { createHash } from 'node:crypto';
import { canonicalJson } from '../../model/canonicalJson.ts';

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

export function entryHash(previousHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalJson(fields)).digest('hex');
}
