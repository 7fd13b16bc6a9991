import { useEffect, useState } from 'react';
import type { TLStoreSnapshot } from 'tldraw';
import * as Y from 'yjs';
import type { CaseId } from '../../model/documentNames.ts';
import { ecomapRecordsArray, readEcomapRecords } from '../../model/ecomap/ecomapDocument.ts';
import { ecomapSchema, storedTldrawSchema } from '../../model/ecomap/ecomapSchema.ts';
import { getRevision, revisionUpdate } from '../http/historyApi.ts';

/** The map at one saved position of its log, as the server gives it to this agency (masked if so). */
async function mapAt(caseId: CaseId, seq: number, signal: AbortSignal): Promise<TLStoreSnapshot> {
  const revision = await getRevision(caseId, 'ecomap', seq, signal);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, revisionUpdate(revision));
    return {
      store: readEcomapRecords(ecomapRecordsArray(doc) as Y.Array<unknown>) as unknown as TLStoreSnapshot['store'],
      // A masked view carries no schema stamp of its own: it is written in the current one.
    schema: (storedTldrawSchema(doc) ?? ecomapSchema.serialize()) as TLStoreSnapshot['schema'],
    };
  } finally {
    doc.destroy();
  }
}

/** Saved states by log position, fetched once each as they are asked for. */
export function useEcomapStates(caseId: CaseId, seqs: readonly number[]): ReadonlyMap<number, TLStoreSnapshot> {
  const [states, setStates] = useState<ReadonlyMap<number, TLStoreSnapshot>>(new Map());
  const wanted = seqs.filter((seq) => !states.has(seq));
  const key = wanted.join(',');

  useEffect(() => {
    if (key === '') return;
    const controller = new AbortController();
    for (const seq of key.split(',').map(Number)) {
      mapAt(caseId, seq, controller.signal).then(
        (state) => setStates((current) => new Map(current).set(seq, state)),
        () => undefined,
      );
    }
    return () => controller.abort();
  }, [caseId, key]);

  return states;
}
