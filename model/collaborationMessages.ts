import { z } from 'zod';

/**
 * Stateless messages the server sends on a document's connection. `update-refused` comes
 * right before the server closes the document with reason 'invalid-update', saying why.
 */
export const updateRefusedMessageSchema = z.object({
  type: z.literal('update-refused'),
  problems: z.array(z.string()),
  /** Machine-readable reasons, where a check has them (rich text: `rich-text-unknown-node` and the like). */
  reasons: z.array(z.object({ code: z.string(), detail: z.string() })).optional(),
});
export type UpdateRefusedMessage = z.infer<typeof updateRefusedMessageSchema>;
