import { isCloseReason } from '../../model/closeCodes.ts';
import type { Logger } from '../logger.ts';
import { CollaborationRefusal } from './context.ts';

/**
 * Hocuspocus prints every exception thrown from a hook with console.error, stack included.
 * Most are refusals kasane means (read-only, invalid update, access changed, a malformed message
 * from a hostile client): those become one structured warning with their reason code, so logs
 * and test output show what went wrong rather than hundreds of expected stack traces. Anything
 * else is still printed as before.
 */
let current: Logger | undefined;
let installed = false;

// What lib0's and Hocuspocus's decoders throw for a message cut short, out of range or of no
// known type: hostile or broken input, not a fault of the server.
const malformedMessage = /^(Unexpected end of array|Integer out of Range|Unknown content type|Unexpected case|Received a message with an unknown type|The encoded data was not valid)/;

function describe(args: unknown[]): { reason: string; hook?: string; connection?: string; document?: string } | null {
  const [first, second] = args;
  // A message that cannot be decoded, printed on its own or by y-protocols' sync handler.
  if (first instanceof Error && malformedMessage.test(first.message)) return { reason: 'malformed-message' };
  if (typeof first !== 'string') return null;
  if (first === 'Caught error while handling a Yjs update' && second instanceof Error && malformedMessage.test(second.message)) return { reason: 'malformed-message' };
  const hook = /^\[(\w+)\]$/.exec(first);
  if (hook && isCloseReason(second)) return { reason: second, hook: hook[1] };
  // With Redis, the instance that holds a document's lock stores it; the others are told so.
  if (hook && second === 'Another instance is already storing this document') return { reason: 'stored-by-another-instance', hook: hook[1] };
  if (hook && typeof second === 'string' && malformedMessage.test(second)) return { reason: 'malformed-message', hook: hook[1] };
  const closing = /^closing connection (\S+) \(while handling (.*)\) because of exception$/.exec(first);
  if (!closing) return null;
  if (second instanceof CollaborationRefusal) return { reason: second.reason, connection: closing[1], document: closing[2] };
  if (second instanceof Error && malformedMessage.test(second.message)) return { reason: 'malformed-message', connection: closing[1], document: closing[2] };
  return null;
}

export function logRefusalsQuietly(logger: Logger): void {
  current = logger;
  if (installed) return;
  installed = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const refusal = current ? describe(args) : null;
    if (refusal && current) current.warn(refusal, 'collaboration refusal');
    else print(...args);
  };
  // Hocuspocus's own limits (pending unauthenticated documents and messages) are warnings it prints.
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const [first] = args;
    if (current && typeof first === 'string' && first.startsWith('Hocuspocus: closing connection ')) current.warn({ reason: 'connection-limit', detail: first }, 'collaboration refusal');
    else warn(...args);
  };
}
