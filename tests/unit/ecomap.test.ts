import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { redactionFor } from '../../model/access/masking.ts';
import { renderMaskedView } from '../../model/access/maskedViews.ts';
import { ecomapRecordsArray, readEcomapRecords, writeEcomapRecords, type EcomapRecords } from '../../model/ecomap/ecomapDocument.ts';
import { diffEcomap, summarizeEcomap } from '../../model/ecomap/ecomapHistory.ts';
import { maskEcomapRecords } from '../../model/ecomap/ecomapMasking.ts';
import { shapeRecord } from '../../model/ecomap/ecomapRecords.ts';
import { canReadStoredSchema, ecomapRecordProblems, ecomapSchema, migrateEcomapDocument, storedTldrawSchema } from '../../model/ecomap/ecomapSchema.ts';
import { householdMemberView } from '../../model/ecomap/genogram.ts';
import { createSectionDocument } from '../../model/sectionDocuments.ts';
import { sectionProblems } from '../../model/sections/sectionRegistry.ts';
import { fillDemoEcomap } from '../../collab-server/seed/demoEcomap.ts';

const recordsOf = (doc: Y.Doc) => readEcomapRecords(ecomapRecordsArray(doc) as Y.Array<unknown>);
const resource = (id: string, name: string) =>
  shapeRecord({ id, type: 'social-resource', x: 0, y: 0, index: 'a1', props: { kind: 'インフォーマル', name, agencyId: null, w: 160, h: 72 } });

describe('the ecomap document', () => {
  it('starts with one page and the seeded first-interview map, all valid for tldraw and the section', () => {
    const doc = createSectionDocument('ecomap');
    fillDemoEcomap(doc);
    expect(sectionProblems(doc, 'ecomap')).toEqual([]);
    expect(ecomapRecordProblems(recordsOf(doc))).toEqual([]);
    expect(Object.values(recordsOf(doc)).filter((record) => record.typeName === 'page')).toHaveLength(1);
    expect(storedTldrawSchema(doc)).toEqual(ecomapSchema.serialize());
  });

  it('refuses records tldraw would reject, session records, and shapes that point outside', () => {
    const problems = ecomapRecordProblems({
      'shape:a': { ...resource('shape:a', 'x'), props: { kind: '宇宙', name: 'x', agencyId: null, w: 160, h: 72 } },
      'camera:page': { id: 'camera:page', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} },
      'shape:img': shapeRecord({ id: 'shape:img', type: 'image', x: 0, y: 0, index: 'a2', props: {} }),
      'shape:wrong': { ...resource('shape:other', 'y') },
      'shape:long': resource('shape:long', 'あ'.repeat(201)),
    });
    expect(problems.map((problem) => problem.split(':')[0] + ':' + problem.split(':')[1])).toHaveLength(5);
    expect(problems.join('\n')).toContain('外部の画像やページは置けません');
    expect(problems.join('\n')).toContain('エコマップに置けない記録です（camera）');
  });

  it('writes only what changed, and reads the rightmost entry of a key like YKeyValue', () => {
    const doc = new Y.Doc();
    const array = ecomapRecordsArray(doc);
    writeEcomapRecords(array, { 'shape:a': resource('shape:a', '一'), 'shape:b': resource('shape:b', '二') });
    let changes = 0;
    doc.on('update', () => (changes += 1));
    writeEcomapRecords(array, { 'shape:a': resource('shape:a', '一'), 'shape:b': resource('shape:b', '二') });
    expect(changes).toBe(0);
    writeEcomapRecords(array, { 'shape:a': resource('shape:a', '壱') });
    expect(Object.keys(recordsOf(doc))).toEqual(['shape:a']);
    array.push([{ key: 'shape:a', val: resource('shape:a', '最後') }]);
    expect((recordsOf(doc)['shape:a']!.props as { name: string }).name).toBe('最後');
  });

  it('is not readable by a page with an older tldraw than the one that wrote it', () => {
    const current = ecomapSchema.serialize();
    expect(canReadStoredSchema(current)).toBe(true);
    expect(canReadStoredSchema(null)).toBe(true);
    expect(canReadStoredSchema({ ...current, sequences: { ...current.sequences, 'com.tldraw.shape': 999 } })).toBe(false);
  });

  it('migrates records written under an older schema version and stamps the current one', () => {
    const doc = createSectionDocument('ecomap');
    fillDemoEcomap(doc);
    const current = ecomapSchema.serialize();
    const older = { ...current, sequences: { ...current.sequences, 'com.tldraw.shape.geo': current.sequences['com.tldraw.shape.geo']! - 1 } };
    doc.getMap('meta').set('tldrawSchema', older);
    expect(migrateEcomapDocument(doc)).toBe(true);
    expect(storedTldrawSchema(doc)).toEqual(ecomapSchema.serialize());
    expect(ecomapRecordProblems(recordsOf(doc))).toEqual([]);
    expect(migrateEcomapDocument(doc)).toBe(false);
  });
});

describe('the ecomap as a masked reader sees it', () => {
  const redaction = redactionFor({ members: [{ id: 'hana-yamada', name: '山田 ハナ', kana: 'やまだ はな', position: 0 }] });

  it('redacts names in free text but keeps member ids, ties and kinds so the map still draws', () => {
    const records: EcomapRecords = {
      'shape:n': resource('shape:n', '山田 ハナさんの友人'),
      'shape:m': shapeRecord({ id: 'shape:m', type: 'household-member', x: 0, y: 0, index: 'a2', props: { memberId: 'hana-yamada', w: 96, h: 124 } }),
      'shape:t': shapeRecord({ id: 'shape:t', type: 'support-tie', x: 0, y: 0, index: 'a3', props: { fromId: 'shape:n', toId: 'shape:m', strength: 'stress', direction: 'both', note: 'ハナさんと口論' } }),
    };
    records['shape:n'] = { ...records['shape:n']!, meta: { typedBy: '山田 ハナ' } };
    const masked = maskEcomapRecords(records, redaction);
    expect(JSON.stringify(masked)).not.toContain('ハナ');
    expect(masked['shape:m']!.props).toEqual(records['shape:m']!.props);
    expect(masked['shape:t']!.props).toMatchObject({ fromId: 'shape:n', toId: 'shape:m', strength: 'stress', direction: 'both' });
    expect(masked['shape:n']!.meta).toEqual({});

    const source = createSectionDocument('ecomap');
    writeEcomapRecords(ecomapRecordsArray(source), { ...recordsOf(source), ...records });
    const view = new Y.Doc();
    renderMaskedView(view, 'ecomap', source, redaction, new Date(), null);
    expect(JSON.stringify(recordsOf(view))).not.toContain('ハナ');
    expect(ecomapRecordProblems(recordsOf(view))).toEqual([]);
  });

  it('draws members from the identity section as received: names, A氏 when masked, age or age band', () => {
    const today = new Date('2026-11-22T12:00:00+09:00');
    const source = { members: { m1: { name: '山田 ハナ', sex: '女性', birthDate: '1944-05-10', deceased: false } }, principalByAgency: { ag: 'm1' } };
    expect(householdMemberView(source, 'm1', today, 'ag')).toMatchObject({ label: '山田 ハナ', symbol: 'female', principal: true, age: '82' });
    const masked = { members: { m1: { name: 'A氏', sex: '女性', birthDate: null, ageBand: '80代', deceased: true } } };
    expect(householdMemberView(masked, 'm1', today)).toMatchObject({ label: 'A氏', age: '80代', deceased: true, principal: false });
    expect(householdMemberView(null, 'm1', today)).toMatchObject({ label: '世帯員', symbol: 'other' });
    expect(householdMemberView(source, 'gone', today).missing).toBe(true);
  });
});

describe('the ecomap in 履歴', () => {
  it('says in words how many shapes were added, changed and removed', () => {
    const before = { records: { 'shape:a': resource('shape:a', '一'), 'shape:b': resource('shape:b', '二') } };
    const after = { records: { 'shape:a': { ...resource('shape:a', '一'), x: 40 }, 'shape:c': resource('shape:c', '三') } };
    const changes = diffEcomap(before, after);
    expect(changes.map((change) => change.label).sort()).toEqual(['機関・社会資源「一」', '機関・社会資源「三」', '機関・社会資源「二」']);
    expect(summarizeEcomap(changes)).toBe('エコマップ: 1件追加、1件変更、1件削除');
  });
});
