import type { Extension, beforeHandleAwarenessPayload } from '@hocuspocus/server';
import type { KasaneContext } from './context.ts';

const ASCII_ONLY = /^[\x20-\x7e]*$/;
const FIELD_PATH = /^[\w/-]{1,300}$/;
const COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Awareness (presence, carets) is relayed to everyone on the document, so only what kasane
 * needs passes: who (rewritten from the verified token, whatever the client claimed), which
 * field they are in (a path of ids), their caret (Yjs positions: ids and numbers) or their
 * pointer on the ecomap (two numbers). Anything
 * else, such as a household member's name, is dropped before it reaches another browser.
 */
export class AwarenessFilterExtension implements Extension {
  extensionName = 'kasane-awareness-filter';

  async beforeHandleAwareness({ context, states }: beforeHandleAwarenessPayload): Promise<void> {
    const kasane = context as KasaneContext | undefined;
    for (const [clientId, state] of states) {
      if (!kasane || state === null || typeof state !== 'object' || Object.keys(state).length === 0) continue;
      const filtered: Record<string, unknown> = {
        user: {
          id: kasane.user.id,
          name: kasane.user.name,
          agencyName: kasane.user.agencyName,
          color: typeof state.user?.color === 'string' && COLOR.test(state.user.color) ? state.user.color : '#1a66d1',
        },
      };
      if (typeof state.editing === 'string' && FIELD_PATH.test(state.editing)) filtered.editing = state.editing;
      if (state.cursor !== undefined) {
        const cursor = JSON.stringify(state.cursor);
        if (cursor !== undefined && cursor.length <= 2_000 && ASCII_ONLY.test(cursor)) filtered.cursor = state.cursor;
      }
      // The ecomap's pointer: where on the canvas, in page coordinates, and nothing else.
      const pointer = state.pointer as { x?: unknown; y?: unknown } | null | undefined;
      if (pointer && typeof pointer === 'object' && Number.isFinite(pointer.x) && Number.isFinite(pointer.y)) {
        filtered.pointer = { x: Math.round(Number(pointer.x)), y: Math.round(Number(pointer.y)) };
      }
      states.set(clientId, filtered);
    }
  }
}
