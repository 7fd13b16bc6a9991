import type { CaseSection } from '../documentNames.ts';
import { maskMembersSection } from '../access/masking.ts';
import { RECORDS_ROOT, type EcomapRecords } from '../ecomap/ecomapDocument.ts';
import { diffEcomap, summarizeEcomap } from '../ecomap/ecomapHistory.ts';
import { maskEcomapRecords } from '../ecomap/ecomapMasking.ts';
import { fieldReader } from './fieldReader.ts';
import { minutesReader } from './minutesReader.ts';
import { sectionDefinitions as spec } from './sectionRegistry.ts';
import type { SectionReader } from './sectionSpec.ts';

/**
 * How each section is masked and read for the history (see SectionReader): beside the specs,
 * not in them, because this pulls in the masking serializer, the diff library and the ecomap
 * shapes' tldraw validators, which the app's first bundle must not carry.
 */
const readers = {
  overview: fieldReader(spec.overview),
  // Pseudonyms, age bands and the municipality instead of names, birth dates and addresses.
  members: fieldReader(spec.members, { mask: maskMembersSection }),
  'member-history': fieldReader(spec['member-history']),
  'member-health': fieldReader(spec['member-health']),
  'member-finance': fieldReader(spec['member-finance']),
  'member-work': fieldReader(spec['member-work']),
  'member-nationality': fieldReader(spec['member-nationality']),
  'progress-log': fieldReader(spec['progress-log']),
  plan: fieldReader(spec.plan),
  minutes: minutesReader,
  ecomap: fieldReader(spec.ecomap, {
    mask: (json, redaction) => ({ [RECORDS_ROOT]: maskEcomapRecords(json[RECORDS_ROOT] as EcomapRecords, redaction) }),
    diff: diffEcomap,
    summarizeChanges: (_label, changes) => summarizeEcomap(changes),
  }),
} satisfies Record<CaseSection, SectionReader>;

export const sectionReaders: Readonly<Record<CaseSection, SectionReader>> = readers;
