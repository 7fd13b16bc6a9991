import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseSections, type CaseSection } from '../../model/documentNames.ts';
import { DOCUMENT_SCHEMA_VERSION, META_ROOT, SCHEMA_VERSION_KEY } from '../../model/documentSchema.ts';
import { migrateSectionDocument } from '../../model/sections/migrations.ts';
import { OVERVIEW_ROOT } from '../../model/sections/overview.ts';
import { authorshipProblems } from '../../model/sections/progressLogRules.ts';
import { PROGRESS_ROOT } from '../../model/sections/progressLog.ts';
import { sectionDefinitions, sectionProblems } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeValue } from '../../model/sections/yjsValues.ts';
import { createSectionDocument, schemaVersionOf } from '../../model/sectionDocuments.ts';
import { searchText } from '../../model/searchText.ts';
import { canonicalJson } from '../../model/canonicalJson.ts';
import { TARO, fillDemoSection } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoAgencies } from '../../collab-server/seed/demoData.ts';

function demoDocument(section: CaseSection): Y.Doc {
  const doc = createSectionDocument(section);
  fillDemoSection(doc, section);
  return doc;
}

function withChange(section: CaseSection, change: (doc: Y.Doc) => void): Y.Doc {
  const doc = demoDocument(section);
  doc.transact(() => change(doc));
  return doc;
}

describe('section schemas', () => {
  it.each(caseSections)('accept the seeded 山田 record: %s', (section) => {
    expect(sectionProblems(demoDocument(section), section)).toEqual([]);
  });

  it.each([
    ['a number where a date belongs', 'members', (doc: Y.Doc): void => void ensureMap(doc.getMap('members'), TARO).set('birthDate', 19720305)],
    ['a date that does not exist', 'members', (doc: Y.Doc): void => void ensureMap(doc.getMap('members'), TARO).set('birthDate', '1972-02-31')],
    ['an unknown status', 'overview', (doc: Y.Doc): void => void doc.getMap(OVERVIEW_ROOT).set('status', '完了済み')],
    ['a concern marked other than ticked', 'overview', (doc: Y.Doc): void => void ensureMap(doc.getMap(OVERVIEW_ROOT), 'concerns').set('債務', 'main')],
    ['a main concern that is no category', 'overview', (doc: Y.Doc): void => void doc.getMap(OVERVIEW_ROOT).set('mainConcern', '雑談')],
    ['a 50 MB string', 'overview', (doc: Y.Doc): void => void writeValue(doc.getMap(OVERVIEW_ROOT), 'chiefComplaint', 'あ'.repeat(50 * 1024 * 1024), sectionDefinitions.overview.textKeys)],
    ['a plain string where text merges', 'overview', (doc: Y.Doc): void => void doc.getMap(OVERVIEW_ROOT).set('chiefComplaint', '上書き')],
    ['a Y.Text where a choice belongs', 'overview', (doc: Y.Doc): void => void doc.getMap(OVERVIEW_ROOT).set('status', new Y.Text('支援中'))],
    ['a root the section does not have', 'plan', (doc: Y.Doc): void => void doc.getMap('secrets').set('x', 1)],
    ['a grade of another handbook', 'member-health', (doc: Y.Doc): void =>
      void writeValue(doc.getMap('members'), TARO, { handbooks: { book000001: { kind: '療育手帳', grade: '6級' } } }, new Set())],
    ['negative yen', 'member-finance', (doc: Y.Doc): void =>
      void ensureMap(ensureMap(ensureMap(doc.getMap('members'), TARO), 'entries'), 'debt000001').set('amountYen', -1)],
    ['fractional yen', 'member-finance', (doc: Y.Doc): void =>
      void ensureMap(ensureMap(ensureMap(doc.getMap('members'), TARO), 'entries'), 'debt000001').set('amountYen', 1.5)],
    ['a progress entry without a kind', 'progress-log', (doc: Y.Doc): void => void ensureMap(doc.getMap(PROGRESS_ROOT), 'entry000001').delete('kind')],
    ['an unknown task status', 'plan', (doc: Y.Doc): void => void ensureMap(doc.getMap('roles'), 'role000001').set('status', 'たぶん')],
  ] as const)('refuse %s', (_label, section, change) => {
    expect(sectionProblems(withChange(section, change), section)).not.toEqual([]);
  });
});

describe('progress log authorship', () => {
  const [fukushi, houkatsu] = demoAgencies as [(typeof demoAgencies)[number], (typeof demoAgencies)[number]];
  const writer = (agency: typeof fukushi) => ({
    id: agency.users[0]!.id,
    name: agency.users[0]!.name,
    agencyId: agency.id,
    agencyName: agency.name,
  });
  const entry = (agency: typeof fukushi, text: string) => ({
    occurredAt: '2026-11-22T10:00:00+09:00',
    agencyId: agency.id,
    agencyName: agency.name,
    authorId: agency.users[0]!.id,
    authorName: agency.users[0]!.name,
    kind: '実施した支援',
    contactMethod: '電話',
    text,
    taskStatus: null,
  });
  const textKeys = sectionDefinitions['progress-log'].textKeys;

  it('accepts a new entry in the writer’s own name, and a status change by another agency', () => {
    const before = demoDocument('progress-log');
    const after = withChange('progress-log', (doc) => {
      writeValue(doc.getMap(PROGRESS_ROOT), 'entry000099', entry(houkatsu, '包括が訪問'), textKeys);
      ensureMap(doc.getMap(PROGRESS_ROOT), 'entry000004').set('taskStatus', '完了');
    });
    expect(authorshipProblems(before, after, writer(houkatsu))).toEqual([]);
  });

  it('refuses an entry in someone else’s name, and edits of another agency’s entry', () => {
    const before = demoDocument('progress-log');
    const spoofed = withChange('progress-log', (doc) => writeValue(doc.getMap(PROGRESS_ROOT), 'entry000099', entry(fukushi, 'なりすまし'), textKeys));
    expect(authorshipProblems(before, spoofed, writer(houkatsu))).toHaveLength(1);
    const edited = withChange('progress-log', (doc) => writeValue(doc.getMap(PROGRESS_ROOT), 'entry000001', { text: '書き換え' }, textKeys));
    expect(authorshipProblems(before, edited, writer(houkatsu))).toHaveLength(1);
    const deleted = withChange('progress-log', (doc) => doc.getMap(PROGRESS_ROOT).delete('entry000001'));
    expect(authorshipProblems(before, deleted, writer(houkatsu))).toHaveLength(1);
  });
});

describe('document schema migrations', () => {
  it('upgrade a version-1 overview, whose 相談内容 was a list and a main name, to the current shape', () => {
    const old = new Y.Doc();
    old.transact(() => {
      old.getMap(META_ROOT).set(SCHEMA_VERSION_KEY, 1);
      const overview = old.getMap(OVERVIEW_ROOT);
      const list = new Y.Array<string>();
      list.push(['介護', '債務', '存在しない分類']);
      overview.set('concernList', list);
      overview.set('mainConcern', '介護');
      overview.set('status', '受付');
    });
    expect(sectionProblems(old, 'overview')).not.toEqual([]);

    expect(migrateSectionDocument(old, 'overview')).toBe(true);
    expect(schemaVersionOf(old)).toBe(DOCUMENT_SCHEMA_VERSION);
    expect(old.getMap(OVERVIEW_ROOT).toJSON()).toMatchObject({ status: '受付', concerns: { 介護: 'yes', 債務: 'yes' }, mainConcern: '介護', chiefComplaint: '' });
    expect(old.getMap(OVERVIEW_ROOT).get('chiefComplaint')).toBeInstanceOf(Y.Text);
    expect(sectionProblems(old, 'overview')).toEqual([]);
    expect(migrateSectionDocument(old, 'overview')).toBe(false);
  });
});

describe('document schema migrations (v2 → v3)', () => {
  it('move ◎ out of the concerns map into mainConcern and create the fixed texts', () => {
    const old = new Y.Doc();
    old.transact(() => {
      old.getMap(META_ROOT).set(SCHEMA_VERSION_KEY, 2);
      const concerns = new Y.Map<string>();
      concerns.set('債務', 'main');
      concerns.set('住まい', 'yes');
      old.getMap(OVERVIEW_ROOT).set('concerns', concerns);
    });
    migrateSectionDocument(old, 'overview');
    expect(old.getMap(OVERVIEW_ROOT).toJSON()).toMatchObject({ concerns: { 債務: 'yes', 住まい: 'yes' }, mainConcern: '債務', title: '' });
    expect(sectionProblems(old, 'overview')).toEqual([]);
  });
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });
});

describe('search text', () => {
  it('folds kana, width and spaces', () => {
    expect(searchText('ヤマダ タロウ')).toBe('やまだたろう');
    expect(searchText('ﾔﾏﾀﾞ')).toBe('やまだ');
    expect(searchText('やまだ　はな')).toBe('やまだはな');
    expect(searchText('山田 太郎')).toBe('山田太郎');
  });
});
