import type { Connection } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';

// @hocuspocus/common MessageType.SyncStatus: the server's "your update is saved" to the client.
const SYNC_STATUS = 8;

interface Gate {
  /** Settles once every update this connection sent so far is stored. */
  stored: Promise<void>;
}

const gates = new WeakMap<Connection, Gate>();

function isSyncStatus(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === SYNC_STATUS;
  } catch {
    return false;
  }
}

/**
 * Holds back a connection's acknowledgements until its updates are stored. Hocuspocus applies
 * an update and sends SyncStatus(true) right away; kasane lets the update reach the other
 * people at once but lets its author's 「保存済み」 wait for PostgreSQL. Acknowledgements keep
 * their order: each waits for every update received before it.
 */
export function holdAcknowledgements(connection: Connection, stored: Promise<void>): void {
  let gate = gates.get(connection);
  if (!gate) {
    const created: Gate = { stored: Promise.resolve() };
    gate = created;
    gates.set(connection, created);
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array) => {
      if (!isSyncStatus(message)) return send(message);
      // Never settles with an error: an update that could not be stored is retried, not acknowledged.
      void created.stored.then(() => send(message));
    };
  }
  gate.stored = gate.stored.then(() => stored);
}
