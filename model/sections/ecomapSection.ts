import { z } from 'zod';
import { ECOMAP_MAX_RECORDS, RECORDS_ROOT, writeInitialEcomap } from '../ecomap/ecomapDocument.ts';
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
});
