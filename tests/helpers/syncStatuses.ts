import { MessageType } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import type { TestProvider } from './providers.ts';

/** Counts the server's answers to this provider's updates: "not applied" is SyncStatus(false). */
export function syncStatuses(client: TestProvider): { applied: number; refused: number } {
  const counts = { applied: 0, refused: 0 };
  client.provider.on('message', ({ event }: { event: MessageEvent<ArrayBuffer> }) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data));
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== MessageType.SyncStatus) return;
    if (decoding.readVarInt(decoder) === 1) counts.applied += 1;
    else counts.refused += 1;
  });
  return counts;
}

/** A paragraph at the top of the minutes, as typing one would make it. */
export function writeParagraph(client: TestProvider, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.doc.getXmlFragment(MINUTES_FRAGMENT).insert(0, [paragraph]);
}
