import { z } from 'zod';

/** HTTP shapes of the coordinator's review of what a masked agency will see (匿名化の確認と承認). */

export const maskingReviewRequestSchema = z.object({ text: z.string().max(20_000) });
export type MaskingReviewRequest = z.infer<typeof maskingReviewRequestSchema>;

export const maskingReviewSchema = z.object({
  /** Exactly what a masked agency receives for this text now. */
  shared: z.string(),
  /** The proposed redaction, before the final check. */
  proposed: z.string(),
  /** True when the final check found something that may still identify a member. */
  withheld: z.boolean(),
  /** What the final check found (as normalized spellings), for the coordinator to look at. */
  remaining: z.array(z.string()),
  /** True when a coordinator approved this redaction of this text for sharing. */
  approved: z.boolean(),
});
export type MaskingReview = z.infer<typeof maskingReviewSchema>;
