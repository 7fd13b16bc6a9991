import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../collab-server/db/openDatabase.ts';
import { UpdateLog } from '../../collab-server/store/updateLog.ts';
import { newStorageLocation, storageBackends } from '../helpers/storageBackends.ts';

describe.each(storageBackends)('the update log on %s', (backend) => {
  it('group-commits concurrent appends with gap-free per-document sequence numbers, in order', async () => {
    const database = await openDatabase(await newStorageLocation(backend));
    try {
      const log = new UpdateLog(database);
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 300; i += 1) doc.getText('t').insert(i, String(i % 10));
      const names = ['case/a', 'case/b', 'case/c'];
      const seqs = await Promise.all(updates.map((update, index) => log.append(names[index % 3]!, update, null)));
      for (const name of names) {
        const mine = seqs.filter((_, index) => names[index % 3] === name);
        expect(mine).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      }
      // Every update of a document is there, in the order it was appended.
      const { rows } = await database.query<{ update: Uint8Array }>("select update from document_updates where document_name = 'case/a' order by seq");
      expect(rows.map((row) => Buffer.from(row.update).toString('hex'))).toEqual(
        updates.filter((_, index) => index % 3 === 0).map((update) => Buffer.from(update).toString('hex')),
      );
    } finally {
      await database.close();
    }
  });
});
