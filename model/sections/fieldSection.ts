import type * as Y from 'yjs';
import { redactJson, type Redaction } from '../access/masking.ts';
import { diffSectionJson, summarizeFields, type FieldDiff } from '../history/sectionDiff.ts';
import { ATTRIBUTION_ROOT } from './attribution.ts';
import { readRoots, syncRoots } from './sectionRoots.ts';
import type { SectionReading, SectionSpec } from './sectionSpec.ts';

type Json = Record<string, unknown>;

/** What a section of fields says about itself; the rest of its spec follows from it. */
export interface FieldSectionOptions extends Pick<SectionSpec, 'label' | 'roots' | 'schema' | 'textKeys' | 'initialize' | 'migrations' | 'validate'> {
  readonly perMeeting?: boolean;
  /** The JSON a masked reader gets; by default every free text goes through the masking serializer. */
  readonly mask?: (json: Json, redaction: Redaction, today: Date) => Json;
  readonly diff?: (before: Json, after: Json) => FieldDiff[];
  readonly summarizeChanges?: (label: string, changes: FieldDiff[]) => string;
}

const jsonOf = (reading: SectionReading | undefined): Json => (reading?.kind === 'json' ? reading.json : {});

/** A section whose roots are maps (or tldraw records) of fields. */
export function fieldSection(options: FieldSectionOptions): SectionSpec {
  const { mask = (json, redaction) => redactJson(json, redaction), diff = diffSectionJson, summarizeChanges = summarizeFields } = options;
  // 復元 leaves who-wrote-what to the server: it records the restore as a change of its own.
  const contentRoots = Object.fromEntries(Object.entries(options.roots).filter(([root]) => root !== ATTRIBUTION_ROOT));
  return {
    label: options.label,
    roots: options.roots,
    schema: options.schema,
    textKeys: options.textKeys,
    perMeeting: options.perMeeting ?? false,
    ...(options.initialize && { initialize: options.initialize }),
    ...(options.migrations && { migrations: options.migrations }),
    ...(options.validate && { validate: options.validate }),
    renderMasked: (view: Y.Doc, source: Y.Doc, redaction: Redaction, today: Date) =>
      syncRoots(view, options.roots, mask(readRoots(source, options.roots), redaction, today), options.textKeys),
    read: (doc, redaction, today) => {
      const json = readRoots(doc, options.roots);
      return { kind: 'json', json: redaction ? mask(json, redaction, today) : json };
    },
    summarize: (label, before, after) => summarizeChanges(label, diff(jsonOf(before), jsonOf(after))),
    compare: (before, after) => ({ kind: 'fields', changes: diff(jsonOf(before), jsonOf(after)) }),
    restore: (document, past) => syncRoots(document, contentRoots, readRoots(past, contentRoots), options.textKeys),
  };
}
