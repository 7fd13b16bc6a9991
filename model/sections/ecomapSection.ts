import { z } from 'zod';
import { diffEcomap, summarizeEcomap } from '../ecomap/ecomapHistory.ts';
import { ECOMAP_MAX_RECORDS, RECORDS_ROOT, writeInitialEcomap, type EcomapRecords } from '../ecomap/ecomapDocument.ts';
import { maskEcomapRecords } from '../ecomap/ecomapMasking.ts';
import { fieldSection } from './fieldSection.ts';

/** エコマップ: tldraw's records; each shape's own rules live in model/ecomap/shapes/. */
export const ecomapSection = fieldSection({
  label: 'エコマップ',
  roots: { [RECORDS_ROOT]: 'records' },
  // The shape of each record is tldraw's to say: the server checks it against tldraw's schema
  // (ecomapSchema.ts, in collab-server/sections/sectionServer.ts), which the rest of the app does not load.
  schema: z.object({
    [RECORDS_ROOT]: z
      .record(z.string().max(100), z.looseObject({ id: z.string().max(100), typeName: z.string().max(40) }))
      .refine((records) => Object.keys(records).length <= ECOMAP_MAX_RECORDS, '図形が多すぎます'),
  }),
  textKeys: new Set<string>(),
  initialize: writeInitialEcomap,
  mask: (json, redaction) => ({ [RECORDS_ROOT]: maskEcomapRecords(json[RECORDS_ROOT] as EcomapRecords, redaction) }),
  diff: diffEcomap,
  summarizeChanges: (_label, changes) => summarizeEcomap(changes),
});
