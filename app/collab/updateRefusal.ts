import { updateRefusedMessageSchema } from '../../model/collaborationMessages.ts';

/** Why the server refused a change (its Japanese problems), or null if the message is something else. */
export function parseUpdateRefusal(payload: string): readonly string[] | null {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = updateRefusedMessageSchema.safeParse(data);
  return parsed.success ? parsed.data.problems : null;
}
