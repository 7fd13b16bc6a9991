import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { z } from 'zod';
import { canonicalJson } from '../../model/canonicalJson.ts';
import type { CaseSection } from '../../model/documentNames.ts';
import { META_ROOT } from '../../model/documentSchema.ts';
import { readEcomapRecords, type EcomapRecords } from '../../model/ecomap/ecomapDocument.ts';
import { sectionServerSpecs } from '../sections/sectionServer.ts';
import { ATTRIBUTION_ROOT } from '../../model/sections/attribution.ts';
import type { SectionSpec } from '../../model/sections/sectionSpec.ts';
import {
  checkMapEntryTypes,
  checkRecordEntries,
  readSection,
  sectionDefinitions,
  type SectionProblem,
} from '../../model/sections/sectionRegistry.ts';
import type { KasaneContext } from './context.ts';
import { checkOnKeptCopy, KeptCopy, VALIDATING } from './keptCopy.ts';


type SharedType = Y.Transaction['changed'] extends Map<infer Type, unknown> ? Type : never;
type User = KasaneContext['user'];

/** What one update changed in one root: the keys directly under it (entries, fields). */
interface TouchedRoot {
  readonly keys: Set<string>;
  /** A key was added, removed or replaced at the root itself (its size may have changed). */
  keysChanged: boolean;
  /** Changed where no key says which part (list content of a map, a records array): check it all. */
  whole: boolean;
}

export function describeSectionProblem(problem: SectionProblem): string[] {
  if (problem.kind === 'unknown-root') return [`この文書にない項目です: ${problem.root}`];
  if (problem.kind === 'wrong-type') return [`値の種類が違います: ${problem.path}`];
  return problem.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

/**
 * The kept copy of one structured section's document (keptCopy.ts), checked only in the roots
 * and the entries under them that an update changed: types, the schema and the section's own
 * rules. The rest of the document was checked when it changed.
 */
class MapSectionShadow {
  readonly kept: KeptCopy;
  private readonly copy: Y.Doc;
  private readonly document: Document;
  private readonly section: CaseSection;
  private touched: Map<string, TouchedRoot> | null = null;
  /** Entries a records root (a YKeyValue array) took in the update being checked, and its length before. */
  private addedEntries = new Map<string, unknown[]>();
  private lengthsBefore = new Map<string, number>();

  constructor(document: Document, section: CaseSection) {
    this.kept = new KeptCopy(document);
    this.copy = this.kept.copy;
    this.document = document;
    this.section = section;
    this.copy.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === VALIDATING && this.touched) this.collect(transaction, this.touched);
    });
    for (const [root, kind] of Object.entries(sectionDefinitions[section].roots)) {
      if (kind !== 'records') continue;
      this.copy.getArray(root).observe((event, transaction) => {
        if (transaction.origin !== VALIDATING) return;
        const entries = this.addedEntries.get(root) ?? [];
        for (const item of event.changes.added) entries.push(...(item.content.getContent() as unknown[]));
        this.addedEntries.set(root, entries);
      });
    }
  }

  /** Problems of the document with `update` applied; on none, the copy keeps the update. */
  problemsOf(update: Uint8Array, user: User, connection: unknown): string[] {
    const touched = new Map<string, TouchedRoot>();
    this.touched = touched;
    this.addedEntries = new Map();
    this.lengthsBefore = new Map();
    for (const [root, kind] of Object.entries(sectionDefinitions[this.section].roots)) {
      if (kind === 'records') this.lengthsBefore.set(root, this.copy.getArray(root).length);
    }
    let applied: ReturnType<KeptCopy['apply']>;
    try {
      applied = this.kept.apply(update);
    } finally {
      this.touched = null;
    }
    if ('refused' in applied) return [applied.refused];
    const problems = this.checked(touched, user);
    if (problems.length === 0) this.kept.accepted(connection, applied.grew);
    return problems;
  }

  private collect(transaction: Y.Transaction, touched: Map<string, TouchedRoot>): void {
    const roots = new Map<SharedType, string>();
    for (const [name, type] of this.copy.share) roots.set(type, name);
    for (const [type, keys] of transaction.changed) {
      let current: SharedType = type;
      let key: string | null = null;
      let direct = true;
      while (!roots.has(current) && current._item) {
        key = current._item.parentSub;
        current = current._item.parent as SharedType;
        direct = false;
      }
      const root = roots.get(current);
      if (root === undefined) continue;
      const entry = touched.get(root) ?? { keys: new Set<string>(), keysChanged: false, whole: false };
      touched.set(root, entry);
      if (direct) {
        entry.keysChanged = true;
        for (const changedKey of keys) {
          if (changedKey === null) entry.whole = true;
          else entry.keys.add(changedKey);
        }
      } else if (key === null) {
        entry.whole = true;
      } else {
        entry.keys.add(key);
      }
    }
  }

  private checked(touched: Map<string, TouchedRoot>, user: User): string[] {
    const definition = sectionDefinitions[this.section];
    for (const root of this.copy.share.keys()) {
      if (root !== META_ROOT && !(root in definition.roots)) return [`この文書にない項目です: ${root}`];
    }
    const problems: string[] = [];
    // Reading a root creates it: only the server-owned roots this section has are compared,
    // and only when the update changed them (the document is what the server wrote).
    for (const root of [META_ROOT, ATTRIBUTION_ROOT]) {
      if (!touched.has(root) || (root !== META_ROOT && !(root in definition.roots))) continue;
      // Compared without regard to key order, which depends on how the document was loaded.
      if (canonicalJson(this.copy.getMap(root).toJSON()) !== canonicalJson(this.document.getMap(root).toJSON())) {
        problems.push(`サーバーが管理する項目は変更できません: ${root}`);
      }
    }
    const sectionProblems: SectionProblem[] = [];
    for (const [root, change] of touched) {
      const kind = definition.roots[root];
      try {
        if (kind === 'map') {
          const map = this.copy.getMap(root);
          const keys = change.whole ? [...map.keys()] : [...change.keys].filter((key) => map.has(key));
          for (const key of keys) checkMapEntryTypes(key, map.get(key), definition.textKeys, root, sectionProblems);
        } else if (kind === 'records') {
          checkRecordEntries(this.addedEntries.get(root) ?? [], root, sectionProblems);
        } else if (kind === 'xml') {
          this.copy.getXmlFragment(root);
        }
      } catch {
        sectionProblems.push({ kind: 'wrong-type', path: root });
      }
    }
    if (sectionProblems.length === 0) sectionProblems.push(...this.schemaProblems(touched));
    problems.push(...sectionProblems.flatMap(describeSectionProblem));
    const validate = definition.validate;
    if (validate && touched.size > 0) problems.push(...this.rulesOnChanged(validate, touched, user));
    // Library checks (tldraw's schema for the ecomap) on the records this update added.
    const contentProblems = sectionServerSpecs[this.section].contentProblems;
    if (contentProblems && problems.length === 0) {
      const added: Record<string, EcomapRecords> = {};
      for (const [root, kind] of Object.entries(definition.roots)) if (kind === 'records') added[root] = this.addedRecords(root);
      problems.push(...contentProblems(added));
    }
    return problems;
  }

  /**
   * The section's schema, per changed root; within a keyed collection only the changed entries
   * (the whole collection when its size changed and the schema limits it).
   */
  private schemaProblems(touched: Map<string, TouchedRoot>): SectionProblem[] {
    const definition = sectionDefinitions[this.section];
    const schema = definition.schema;
    if (!schema || touched.size === 0) return [];
    const issuesOf = (result: z.ZodSafeParseResult<unknown>, prefix: string[]) =>
      result.success ? [] : result.error.issues.map((issue) => ({ path: [...prefix, ...issue.path.map(String)].join('/'), message: issue.message }));
    // A rule across roots can only be checked on them all.
    if (!(schema instanceof z.ZodObject) || (schema.def.checks?.length ?? 0) > 0) {
      const issues = issuesOf(schema.safeParse(readSection(this.copy, this.section)), []);
      return issues.length > 0 ? [{ kind: 'schema', issues }] : [];
    }
    const issues: { path: string; message: string }[] = [];
    for (const [root, change] of touched) {
      const rootSchema = (schema.shape as Record<string, z.ZodType | undefined>)[root];
      if (!rootSchema) continue;
      const kind = definition.roots[root];
      let json: unknown;
      if (kind === 'map' && rootSchema instanceof z.ZodRecord && !change.whole && !(change.keysChanged && (rootSchema.def.checks?.length ?? 0) > 0)) {
        const map = this.copy.getMap(root);
        const entries: Record<string, unknown> = {};
        for (const key of change.keys) {
          const value = map.get(key);
          if (value !== undefined) entries[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
        }
        json = entries;
      } else {
        json = kind === 'map' ? this.copy.getMap(root).toJSON() : kind === 'records' ? this.recordsToCheck(root, rootSchema) : this.copy.getXmlFragment(root).toString();
      }
      issues.push(...issuesOf(rootSchema.safeParse(json), [root]));
    }
    return issues.length > 0 ? [{ kind: 'schema', issues }] : [];
  }

  /** The records a records root took in this update (a moved shape is a new entry with its key). */
  private addedRecords(root: string): EcomapRecords {
    const records: EcomapRecords = {};
    for (const entry of this.addedEntries.get(root) ?? []) {
      if (entry !== null && typeof entry === 'object' && 'key' in entry && 'val' in entry && typeof entry.key === 'string') records[entry.key] = entry.val as EcomapRecords[string];
    }
    return records;
  }

  /**
   * What of a records root its schema must see: the records the update added, or all of them
   * when the collection grew and the schema limits the collection as a whole (the ecomap's
   * record count): moving a shape costs what it changed, adding one reads the map once.
   */
  private recordsToCheck(root: string, rootSchema: z.ZodType): EcomapRecords {
    const grew = this.copy.getArray(root).length > (this.lengthsBefore.get(root) ?? 0);
    if (grew && (rootSchema.def.checks?.length ?? 0) > 0) return readEcomapRecords(this.copy.getArray(root));
    return this.addedRecords(root);
  }

  /**
   * The section's own rules (記録者 for the progress log), on the changed entries only: before
   * from the document, after from the copy, each standing for those entries alone.
   */
  private rulesOnChanged(validate: NonNullable<SectionSpec['validate']>, touched: Map<string, TouchedRoot>, user: User): string[] {
    if ([...touched.values()].some((change) => change.whole)) return validate(this.document, this.copy, user);
    const entriesOf = (doc: Y.Doc, root: string) => {
      const change = touched.get(root);
      const map = doc.getMap<unknown>(root);
      const entries: Record<string, unknown> = {};
      for (const key of change?.keys ?? []) {
        const value = map.get(key);
        if (value !== undefined) entries[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
      }
      return entries;
    };
    const only = (doc: Y.Doc) => ({ getMap: (root: string) => ({ toJSON: () => entriesOf(doc, root) }) }) as unknown as Y.Doc;
    return validate(only(this.document), only(this.copy), user);
  }
}

const shadows = new WeakMap<Document, MapSectionShadow>();

/**
 * Checks a client's update of a structured section at the cost of what it changes. Never more
 * permissive than checking a full copy of a valid document: whenever the kept copy could differ
 * from the document, it is made again from the document.
 */
export function mapSectionUpdateProblems(document: Document, update: Uint8Array, section: CaseSection, user: User, connection: unknown): string[] {
  return checkOnKeptCopy(shadows, document, () => new MapSectionShadow(document, section), (shadow) => shadow.problemsOf(update, user, connection));
}
