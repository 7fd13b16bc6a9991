import * as Y from 'yjs';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { demoAgencies } from '../../collab-server/seed/demoData.ts';
import type { TestProvider } from './providers.ts';

/** The demo agencies' accounts that edit the minutes (障害相談 sees them masked, 自立相談 reads them). */
export const minutesEditors = demoAgencies
  .filter((agency) => ['福祉総合相談課', '包括'].includes(agency.shortName))
  .flatMap((agency) => agency.users.map((user) => user.loginId));

/**
 * Which of a client's edits (paragraphs of the minutes) the server has acknowledged, on one
 * connection: each edit is one update message, and acknowledgements come back one per message,
 * in order. Start it once the client's own handshake is answered (no unsynced changes), and read
 * it before the client reconnects: a reconnection starts the provider's count anew.
 */
export function trackAcknowledgements(client: TestProvider) {
  const written: string[] = [];
  let acknowledged = 0;
  let pending = 0;
  client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    while (pending > number && acknowledged < written.length) {
      acknowledged += 1;
      pending -= 1;
    }
    pending = number;
  });
  return {
    write(text: string) {
      written.push(text);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      client.doc.getXmlFragment(MINUTES_FRAGMENT).push([paragraph]);
    },
    acknowledged: () => written.slice(0, acknowledged),
  };
}
