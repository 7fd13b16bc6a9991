import * as Y from 'yjs';
import { updateStructureProblem } from './updateStructure.ts';

export type DecodedUpdate =
  | { readonly readable: true; readonly structs: ReturnType<typeof Y.decodeUpdate>['structs'] }
  | { readonly readable: false; readonly problem: string };

/**
 * Hocuspocus hands every extension's `beforeSync` the same payload array for one message, so the
 * result is kept per payload: validation and the durable log read one decoding of each update.
 */
const decodings = new WeakMap<Uint8Array, DecodedUpdate>();

/**
 * A client's update read once per message: first the bounded pre-parse (crafted encodings can
 * make Yjs' own decoder loop, yjs #687), then Yjs' decoder. Not readable means never apply it and
 * never store it: a malformed row would break every later load of the document.
 */
export function decodedUpdate(update: Uint8Array): DecodedUpdate {
  const known = decodings.get(update);
  if (known) return known;
  let decoded: DecodedUpdate;
  const problem = updateStructureProblem(update);
  if (problem) {
    decoded = { readable: false, problem };
  } else {
    try {
      decoded = { readable: true, structs: Y.decodeUpdate(update).structs };
    } catch {
      decoded = { readable: false, problem: '読み取れない更新です' };
    }
  }
  decodings.set(update, decoded);
  return decoded;
}
