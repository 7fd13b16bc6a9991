import { z } from 'zod';

/** チャット of a case: messages with agency and time, optionally limited to some agencies. */
export const chatMessageSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  body: z.string(),
  /** Null when every participating agency sees it. */
  visibleAgencyIds: z.array(z.uuid()).nullable(),
  createdAt: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const postChatRequestSchema = z.object({
  body: z.string().trim().min(1).max(4_000),
  /** 「この発言は包括・自立相談のみ」: the agencies that may read it (the writer's is added). */
  agencyIds: z.array(z.uuid()).max(50).optional(),
});

export const chatHistorySchema = z.object({ messages: z.array(chatMessageSchema), unread: z.number().int() });
export const unreadCountsSchema = z.object({ unread: z.record(z.uuid(), z.number().int()) });

/** The stateless message that brings a new chat message to the browsers allowed to read it. */
export const chatStatelessSchema = z.object({ type: z.literal('chat'), message: chatMessageSchema });
