import type * as Y from 'yjs';
import { redactJson, type Redaction } from '../access/masking.ts';
import { diffSectionJson, summarizeFields, type FieldDiff } from '../history/sectionDiff.ts';
import { ATTRIBUTION_ROOT } from './attribution.ts';
import { readRoots, syncRoots } from './sectionRoots.ts';
import type { SectionReader, SectionReading, SectionSpec } from './sectionSpec.ts';

type Json = Record<string, unknown>;

/** Where a section of fields is read differently from the rest. */
export interface FieldReaderOptions {
  /** The JSON a masked reader gets; by default every free text goes through the masking serializer. */
  readonly mask?: (json: Json, redaction: Redaction, today: Date) => Json;
  readonly diff?: (before: Json, after: Json) => FieldDiff[];
  readonly summarizeChanges?: (label: string, changes: FieldDiff[]) => string;
}

const jsonOf = (reading: SectionReading | undefined): Json => (reading?.kind === 'json' ? reading.json : {});

/** The reader of a section of fields: masked JSON synced into the view, field-by-field history. */
export function fieldReader(spec: SectionSpec, options: FieldReaderOptions = {}): SectionReader {
  const { mask = (json, redaction) => redactJson(json, redaction), diff = diffSectionJson, summarizeChanges = summarizeFields } = options;
  // 復元 leaves who-wrote-what to the server: it records the restore as a change of its own.
  const contentRoots = Object.fromEntries(Object.entries(spec.roots).filter(([root]) => root !== ATTRIBUTION_ROOT));
  return {
    renderMasked: (view: Y.Doc, source: Y.Doc, redaction: Redaction, today: Date) =>
      syncRoots(view, spec.roots, mask(readRoots(source, spec.roots), redaction, today), spec.textKeys),
    read: (doc, redaction, today) => {
      const json = readRoots(doc, spec.roots);
      return { kind: 'json', json: redaction ? mask(json, redaction, today) : json };
    },
    summarize: (label, before, after) => summarizeChanges(label, diff(jsonOf(before), jsonOf(after))),
    compare: (before, after) => ({ kind: 'fields', changes: diff(jsonOf(before), jsonOf(after)) }),
    restore: (document, past) => syncRoots(document, contentRoots, readRoots(past, contentRoots), spec.textKeys),
  };
}
