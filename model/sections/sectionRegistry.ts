import * as Y from 'yjs';
import { z } from 'zod';
import type { CaseSection } from '../documentNames.ts';
import { META_ROOT, MINUTES_FRAGMENT } from '../documentSchema.ts';
import { ECOMAP_MAX_RECORDS, readEcomapRecords, RECORDS_ROOT } from '../ecomap/ecomapDocument.ts';
import { ATTRIBUTION_ROOT, attributionSchema } from './attribution.ts';
import { MEMBER_TAB_ROOT, memberTabDocumentSchema, type MemberTabSection } from './memberTabs.ts';
import { HOUSEHOLD_ROOT, MEMBERS_ROOT, PRINCIPAL_ROOT, membersDocumentSchema } from './members.ts';
import { OVERVIEW_ROOT, overviewSchema } from './overview.ts';
import { PLAN_ROOT, ROLES_ROOT, planDocumentSchema } from './plan.ts';
import { PROGRESS_ROOT, progressLogDocumentSchema } from './progressLog.ts';

/** Y.Map, Y.XmlFragment (rich text), or a Y.Array of `{ key, val }` records (the ecomap's tldraw store). */
type RootKind = 'map' | 'xml' | 'records';

export interface SectionDefinition {
  /** Shown on screen (tabs, history, print). */
  readonly label: string;
  readonly roots: Readonly<Record<string, RootKind>>;
  /** Validates the JSON of the roots (Y.Text read as string); null for rich text. */
  readonly schema: z.ZodType | null;
  /**
   * The shape rule of every section: an object value is a nested Y.Map (so concurrent edits
   * of different keys merge); a key listed here holds a Y.Text (merged character by
   * character); any other value is a plain JSON primitive (choices, dates, ids, numbers,
   * booleans), last writer wins.
   */
  readonly textKeys: ReadonlySet<string>;
}

const memberTab = (section: MemberTabSection, label: string, textKeys: string[]): SectionDefinition => ({
  label,
  roots: { [MEMBER_TAB_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
  schema: memberTabDocumentSchema(section).extend({ [ATTRIBUTION_ROOT]: attributionSchema }),
  textKeys: new Set(textKeys),
});

const definitions = {
  overview: {
    label: '事案概要',
    roots: { [OVERVIEW_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
    schema: z.object({ [OVERVIEW_ROOT]: overviewSchema, [ATTRIBUTION_ROOT]: attributionSchema }),
    textKeys: new Set(['title', 'chiefComplaint', 'concernDetail', 'riskNote', 'medicalHistory', 'economicSummary']),
  },
  members: {
    label: '世帯・世帯員',
    roots: { [HOUSEHOLD_ROOT]: 'map', [MEMBERS_ROOT]: 'map', [PRINCIPAL_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
    schema: membersDocumentSchema.extend({ [ATTRIBUTION_ROOT]: attributionSchema }),
    textKeys: new Set(['name', 'kana', 'address', 'phone']),
  },
  'member-history': memberTab('member-history', '相談歴', ['history']),
  'member-health': memberTab('member-health', '健康・障がい', ['diagnoses', 'note']),
  'member-finance': memberTab('member-finance', '収入・公的給付・債務', ['label', 'note']),
  'member-work': memberTab('member-work', '職業・職歴', ['employer', 'occupation', 'note']),
  'member-nationality': memberTab('member-nationality', '国籍・在留資格', ['nationality', 'note']),
  'progress-log': {
    label: '支援経過',
    roots: { [PROGRESS_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
    schema: progressLogDocumentSchema.extend({ [ATTRIBUTION_ROOT]: attributionSchema }),
    textKeys: new Set(['text']),
  },
  plan: {
    label: '支援プラン',
    roots: { [PLAN_ROOT]: 'map', [ROLES_ROOT]: 'map', [ATTRIBUTION_ROOT]: 'map' },
    schema: planDocumentSchema.extend({ [ATTRIBUTION_ROOT]: attributionSchema }),
    textKeys: new Set(['issues', 'goals', 'goalsInOwnWords', 'task']),
  },
  minutes: {
    label: '議事録',
    roots: { [MINUTES_FRAGMENT]: 'xml' },
    schema: null,
    textKeys: new Set<string>(),
  },
  ecomap: {
    label: 'エコマップ',
    roots: { [RECORDS_ROOT]: 'records' },
    // The shape of each record is tldraw's to say: the server checks it against tldraw's schema
    // (ecomapSchema.ts), which the rest of the app does not load.
    schema: z.object({
      [RECORDS_ROOT]: z
        .record(z.string().max(100), z.looseObject({ id: z.string().max(100), typeName: z.string().max(40) }))
        .refine((records) => Object.keys(records).length <= ECOMAP_MAX_RECORDS, '図形が多すぎます'),
    }),
    textKeys: new Set<string>(),
  },
} satisfies Record<CaseSection, SectionDefinition>;

export const sectionDefinitions: Readonly<Record<CaseSection, SectionDefinition>> = definitions;

/** The section's roots as plain JSON (Y.Text as string), the shape its schema validates. */
export function readSection(doc: Y.Doc, section: CaseSection): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(sectionDefinitions[section].roots)) {
    if (kind === 'map') json[name] = doc.getMap(name).toJSON();
    else if (kind === 'records') json[name] = readEcomapRecords(doc.getArray(name));
    else json[name] = doc.getXmlFragment(name).toString();
  }
  return json;
}

export type SectionProblem =
  | { kind: 'unknown-root'; root: string }
  | { kind: 'wrong-type'; path: string }
  | { kind: 'schema'; issues: { path: string; message: string }[] };

/** The value under one key of a map: Y.Text where the section says text, and nothing but Y.Text there. */
export function checkMapEntryTypes(key: string, child: unknown, textKeys: ReadonlySet<string>, path: string, problems: SectionProblem[]): void {
  const childPath = `${path}/${key}`;
  if (textKeys.has(key)) {
    if (!(child instanceof Y.Text)) problems.push({ kind: 'wrong-type', path: childPath });
  } else if (child instanceof Y.Text) {
    problems.push({ kind: 'wrong-type', path: childPath });
  } else {
    checkTypes(child, textKeys, childPath, problems);
  }
}

/** Y.Text where the section says text, and nothing but Y.Text there. */
function checkTypes(value: unknown, textKeys: ReadonlySet<string>, path: string, problems: SectionProblem[]): void {
  if (value instanceof Y.Map) {
    for (const [key, child] of value.entries()) checkMapEntryTypes(key, child, textKeys, path, problems);
  } else if (value instanceof Y.AbstractType && !(value instanceof Y.Text)) {
    problems.push({ kind: 'wrong-type', path });
  }
}

/** Plain `{ key, val }` JSON entries only: no nested Yjs types inside a record. */
export function checkRecordEntries(array: Y.Array<unknown>, path: string, problems: SectionProblem[]): void {
  array.toArray().forEach((entry, index) => {
    const valid =
      entry !== null &&
      typeof entry === 'object' &&
      !(entry instanceof Y.AbstractType) &&
      typeof (entry as { key?: unknown }).key === 'string' &&
      typeof (entry as { val?: unknown }).val === 'object' &&
      (entry as { val?: unknown }).val !== null &&
      !((entry as { val: unknown }).val instanceof Y.AbstractType);
    if (!valid) problems.push({ kind: 'wrong-type', path: `${path}/${index}` });
  });
}

/**
 * Everything wrong with a section document: roots it should not have, values of the wrong
 * Yjs type, and schema violations. The server runs this on a scratch copy with the client's
 * update applied, before accepting the update.
 */
export function sectionProblems(doc: Y.Doc, section: CaseSection): SectionProblem[] {
  const definition = sectionDefinitions[section];
  const problems: SectionProblem[] = [];
  for (const root of doc.share.keys()) {
    if (root !== META_ROOT && !(root in definition.roots)) problems.push({ kind: 'unknown-root', root });
  }
  if (problems.length > 0) return problems;
  for (const [root, kind] of Object.entries(definition.roots)) {
    try {
      if (kind === 'map') checkTypes(doc.getMap(root), definition.textKeys, root, problems);
      else if (kind === 'records') checkRecordEntries(doc.getArray(root), root, problems);
      else doc.getXmlFragment(root);
    } catch {
      problems.push({ kind: 'wrong-type', path: root });
    }
  }
  if (problems.length > 0 || !definition.schema) return problems;
  const result = definition.schema.safeParse(readSection(doc, section));
  if (!result.success) {
    problems.push({
      kind: 'schema',
      issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('/'), message: issue.message })),
    });
  }
  return problems;
}
