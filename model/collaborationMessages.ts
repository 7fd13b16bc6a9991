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

/**
 * Sent on a masked view's connection before the server answers its first sync step. A masked
 * view is derived anew, as an unrelated Yjs document, whenever it is loaded (after it was
 * unloaded, after a restart, on another instance); `epoch` names one such derivation. A client
 * whose document was synced with another epoch must start from a fresh Y.Doc: merging the two
 * derivations would duplicate rich text and let stale map values win.
 */
export const maskedViewEpochMessageSchema = z.object({
  type: z.literal('masked-view-epoch'),
  epoch: z.string().min(1).max(64),
});
export type MaskedViewEpochMessage = z.infer<typeof maskedViewEpochMessageSchema>;
