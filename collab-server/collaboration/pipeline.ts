import type { Extension } from '@hocuspocus/server';

/**
 * The collaboration pipeline, declared once: Hocuspocus runs each hook of its extensions by
 * `priority`, higher first, and here that order is the order of the list in server.ts rather than
 * numbers spread over the extension files. For an update the steps are, in this order:
 * limits → authentication (and token expiry) → validation → masked views → the durable log's
 * queue → Hocuspocus applies and broadcasts → attribution → the acknowledgement after the commit
 * → projection, audit and presence; documents are loaded from the log before sections are
 * initialised (docs/architecture.md).
 */
export function inPipelineOrder(steps: readonly Extension[]): Extension[] {
  return steps.map((step, index) => Object.assign(step, { priority: 10_000 - index * 10 }));
}
