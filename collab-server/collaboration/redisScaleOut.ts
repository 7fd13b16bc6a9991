import { Redis } from '@hocuspocus/extension-redis';
import type {
  afterLoadDocumentPayload,
  afterStoreDocumentPayload,
  afterUnloadDocumentPayload,
  beforeBroadcastStatelessPayload,
  beforeUnloadDocumentPayload,
  onAwarenessUpdatePayload,
  onChangePayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { parseCaseDocumentName } from '../../model/documentNames.ts';

/**
 * Masked views are derived on each instance from the (relayed) sources. Relayed themselves, two
 * instances' independent derivations would merge into one document holding both: rich text
 * twice, map values of either. So Redis carries source documents only.
 */
function isDerivedView(documentName: string): boolean {
  return parseCaseDocumentName(documentName)?.view === 'masked';
}

class SourceDocumentsRedis extends Redis {
  private destroyed = false;

  /** Documents still unloading after shutdown have no channel left to leave. */
  override async onDestroy() {
    this.destroyed = true;
    await super.onDestroy();
  }
  override async afterLoadDocument(data: afterLoadDocumentPayload) {
    if (!isDerivedView(data.documentName)) await super.afterLoadDocument(data);
  }

  override async onChange(data: onChangePayload) {
    if (!isDerivedView(data.documentName)) await super.onChange(data);
  }

  override async onAwarenessUpdate(data: onAwarenessUpdatePayload) {
    if (!isDerivedView(data.documentName)) await super.onAwarenessUpdate(data);
  }

  override async onStoreDocument(data: onStoreDocumentPayload) {
    if (!isDerivedView(data.documentName)) await super.onStoreDocument(data);
  }

  override async afterStoreDocument(data: afterStoreDocumentPayload) {
    if (!isDerivedView(data.documentName)) await super.afterStoreDocument(data);
  }

  /** Resolves to the number of Redis subscribers reached, as the base class does. */
  override async beforeBroadcastStateless(data: beforeBroadcastStatelessPayload): Promise<number> {
    return isDerivedView(data.documentName) ? 0 : super.beforeBroadcastStateless(data);
  }

  override async beforeUnloadDocument(data: beforeUnloadDocumentPayload) {
    if (!isDerivedView(data.documentName)) await super.beforeUnloadDocument(data);
  }

  override async afterUnloadDocument(data: afterUnloadDocumentPayload) {
    if (!this.destroyed && !isDerivedView(data.documentName)) await super.afterUnloadDocument(data);
  }
}

/**
 * Several kasane processes behind a load balancer share live documents through Redis
 * (@hocuspocus/extension-redis 4.7, which has the fix for hocuspocus #1151). Redis only relays:
 * every instance stores the updates of its own clients in the one PostgreSQL, append-only, so a
 * stale instance has nothing it could overwrite.
 */
export function redisScaleOut(redisUrl: string, prefix: string): Redis {
  const url = new URL(redisUrl);
  return new SourceDocumentsRedis({
    host: url.hostname,
    port: Number(url.port || 6379),
    prefix,
    options: {
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    },
  });
}
