import { z } from 'zod';

/**
 * Error codes of the HTTP API. The server answers `{ error: { code, message, issues? } }`;
 * `message` is Japanese for people reading logs, the app shows its own catalogue text per code.
 */
export const apiErrorCodes = [
  'invalid_input',
  'unauthorized',
  'token_expired',
  'invalid_credentials',
  'forbidden',
  'not_found',
  'payload_too_large',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string(),
    issues: z
      .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
      .optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
