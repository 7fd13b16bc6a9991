import { maskedViewEpochMessageSchema } from '../../model/collaborationMessages.ts';

/** The epoch in a stateless message, or null if the message is something else. */
export function parseMaskedViewEpoch(payload: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = maskedViewEpochMessageSchema.safeParse(data);
  return parsed.success ? parsed.data.epoch : null;
}
