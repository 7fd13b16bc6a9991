import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateStructureProblem } from '../../collab-server/collaboration/updateStructure.ts';

function realUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  doc.getText('t').insert(0, 'こんにちは');
  doc.getMap('m').set('n', 1);
  doc.getMap('m').set('o', { a: [1, 'b', null, true], c: new Uint8Array([1, 2]) });
  const element = new Y.XmlElement('paragraph');
  element.setAttribute('level', '2');
  element.insert(0, [new Y.XmlText('段落')]);
  doc.getXmlFragment('x').insert(0, [element]);
  doc.getText('t').delete(1, 2);
  doc.getText('t').format(0, 1, { bold: true });
  doc.getArray<unknown>('a').insert(0, [new Y.Map(), 'x', 3.5, -7, { deep: { deeper: [1] } }]);
  doc.getMap('m').set('doc', new Y.Doc());
  updates.push(Y.encodeStateAsUpdate(doc));
  return updates;
}

describe('the bounded structure check of updates', () => {
  it('accepts every update Yjs itself produces', () => {
    for (const update of realUpdates()) expect(updateStructureProblem(update)).toBeNull();
  });

  it.each([
    ['a claimed count far beyond the bytes', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0])],
    ['a string longer than the update', new Uint8Array([1, 1, 1, 0, 4, 1, 0xff, 0xff, 0x7f, 0x61])],
    ['an endless varint', new Uint8Array(64).fill(0xff)],
    ['a truncated update', realUpdates().at(-1)!.slice(0, 20)],
    ['trailing garbage', new Uint8Array([0, 0, 7])],
    ['a clock beyond any document', new Uint8Array([1, 1, 1, 0xff, 0xff, 0xff, 0xff, 0x7f, 0, 1, 0, 0])],
  ])('refuses %s', (_label, update) => {
    expect(updateStructureProblem(update)).not.toBeNull();
  });

  it('never throws and finishes quickly on random or mutated bytes (fast-check, fixed seed)', () => {
    const samples = realUpdates();
    const mutated = fc
      .tuple(fc.integer({ min: 0, max: samples.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }))
      .map(([index, edits]) => {
        const bytes = samples[index]!.slice();
        for (const [position, value] of edits) if (bytes.length > 0) bytes[position % bytes.length] = value;
        return bytes;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 4096 }), mutated), (bytes) => {
        const started = performance.now();
        const problem = updateStructureProblem(bytes);
        // Bounded, not fast: a loop on crafted bytes would take seconds; a loaded machine a few ms more.
        expect(performance.now() - started).toBeLessThan(1_000);
        // What passes the check is safe to hand to Yjs: it may still be refused, but it returns.
        if (problem === null) {
          try {
            Y.decodeUpdate(bytes);
          } catch {
            // refused by Yjs: fine, it returned
          }
        }
      }),
      { seed: 687, numRuns: 2_000 },
    );
  });
});
