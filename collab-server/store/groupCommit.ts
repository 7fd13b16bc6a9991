import type { Database, Queryable } from '../db/database.ts';

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: work that arrives while a transaction is in flight waits and is committed
 * together in the next one, so that under load many updates share one commit (one fsync)
 * instead of each paying for its own. Items are spread over a few lanes by key (a document
 * name), and one key always uses the same lane: a document's updates keep their order and two
 * transactions never wait for each other's row locks.
 */
export class GroupCommit<Item, Result> {
  private readonly database: Database;
  private readonly keyOf: (item: Item) => string;
  private readonly run: (tx: Queryable, items: Item[]) => Promise<Result[]>;
  private readonly lanes: { queue: Waiting<Item, Result>[]; busy: boolean }[];
  private readonly maxBatch: number;

  constructor(options: {
    database: Database;
    keyOf: (item: Item) => string;
    /** Does a whole batch in one transaction; results in the items' order. */
    run: (tx: Queryable, items: Item[]) => Promise<Result[]>;
    lanes?: number;
    maxBatch?: number;
  }) {
    this.database = options.database;
    this.keyOf = options.keyOf;
    this.run = options.run;
    this.maxBatch = options.maxBatch ?? 200;
    this.lanes = Array.from({ length: options.lanes ?? 4 }, () => ({ queue: [], busy: false }));
  }

  submit(item: Item): Promise<Result> {
    const lane = this.lanes[laneOf(this.keyOf(item), this.lanes.length)]!;
    return new Promise<Result>((resolve, reject) => {
      lane.queue.push({ item, resolve, reject });
      if (!lane.busy) void this.drain(lane);
    });
  }

  private async drain(lane: (typeof this.lanes)[number]): Promise<void> {
    lane.busy = true;
    try {
      while (lane.queue.length > 0) {
        const batch = lane.queue.splice(0, this.maxBatch);
        try {
          const results = await this.database.transaction((tx) => this.run(tx, batch.map((waiting) => waiting.item)));
          batch.forEach((waiting, index) => waiting.resolve(results[index]!));
        } catch (error) {
          // Nothing of the batch is committed; every caller hears so and decides for itself.
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      lane.busy = false;
    }
  }
}

function laneOf(key: string, lanes: number): number {
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}
