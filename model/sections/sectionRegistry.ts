import * as Y from 'yjs';
import type { CaseSection } from '../documentNames.ts';
import { META_ROOT } from '../documentSchema.ts';
import { ecomapSection } from './ecomapSection.ts';
import { memberTabSections } from './memberTabSections.ts';
import { membersSection } from './membersSection.ts';
import { minutesSection } from './minutesSection.ts';
import { overviewSection } from './overviewSection.ts';
import { planSection } from './planSection.ts';
import { progressLogSection } from './progressLogSection.ts';
import { readRoots } from './sectionRoots.ts';
import type { SectionSpec } from './sectionSpec.ts';

export type { RootKind, SectionReader, SectionReading, SectionSpec } from './sectionSpec.ts';

/** Every case section's spec: adding a section is its own file and one line here. */
const definitions = {
  overview: overviewSection,
  members: membersSection,
  ...memberTabSections,
  'progress-log': progressLogSection,
  plan: planSection,
  minutes: minutesSection,
  ecomap: ecomapSection,
} satisfies Record<CaseSection, SectionSpec>;

export const sectionDefinitions: Readonly<Record<CaseSection, SectionSpec>> = definitions;

/** The section's roots as plain JSON (Y.Text as string), the shape its schema validates. */
export function readSection(doc: Y.Doc, section: CaseSection): Record<string, unknown> {
  return readRoots(doc, sectionDefinitions[section].roots);
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
export function checkRecordEntries(entries: readonly unknown[], path: string, problems: SectionProblem[]): void {
  entries.forEach((entry, index) => {
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
      else if (kind === 'records') checkRecordEntries(doc.getArray(root).toArray(), root, problems);
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
