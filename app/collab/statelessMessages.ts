import type { z } from 'zod';
import { maskedViewEpochMessageSchema, updateRefusedMessageSchema } from '../../model/collaborationMessages.ts';

/** A stateless message of one kind (model/collaborationMessages.ts), or null if it is something else. */
function parseMessage<T>(payload: string, schema: z.ZodType<T>): T | null {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The epoch of a masked view's derivation. */
export const parseMaskedViewEpoch = (payload: string): string | null => parseMessage(payload, maskedViewEpochMessageSchema)?.epoch ?? null;

/** Why the server refused a change (its Japanese problems). */
export const parseUpdateRefusal = (payload: string): readonly string[] | null => parseMessage(payload, updateRefusedMessageSchema)?.problems ?? null;
