import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ForReader } from '../../model/access/readerSerializer.ts';

/**
 * The way a case's content leaves the HTTP API: only what the reader serializer produced
 * (model/access/readerSerializer.ts) type-checks here.
 */
export function readerJson<T>(c: Context, body: ForReader<T>, status: ContentfulStatusCode = 200): Response {
  return c.json(body as unknown as object, status);
}
