import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas } from '@tldraw/tlschema';
import type * as Y from 'yjs';
import { META_ROOT } from '../documentSchema.ts';
import { ECOMAP_MAX_RECORDS, ecomapRecordsArray, readEcomapRecords, SHARED_RECORD_TYPES, TLDRAW_SCHEMA_KEY, writeEcomapRecords, type EcomapRecords } from './ecomapDocument.ts';
import { FAMILY_TIE_SHAPE, familyTieShapeMigrations, familyTieShapeProps } from './shapes/familyTieShape.ts';
import { HOUSEHOLD_BOUNDARY_SHAPE, householdBoundaryShapeMigrations, householdBoundaryShapeProps } from './shapes/householdBoundaryShape.ts';
import { HOUSEHOLD_MEMBER_SHAPE, householdMemberShapeMigrations, householdMemberShapeProps } from './shapes/householdMemberShape.ts';
import { SOCIAL_RESOURCE_SHAPE, socialResourceShapeMigrations, socialResourceShapeProps } from './shapes/socialResourceShape.ts';
import { SUPPORT_TIE_SHAPE, supportTieShapeMigrations, supportTieShapeProps } from './shapes/supportTieShape.ts';

/** kasane's own shapes, one file each with its validators and migrations (as tldraw's tlschema). */
export const ecomapShapeSchemas = {
  [HOUSEHOLD_MEMBER_SHAPE]: { props: householdMemberShapeProps, migrations: householdMemberShapeMigrations },
  [HOUSEHOLD_BOUNDARY_SHAPE]: { props: householdBoundaryShapeProps, migrations: householdBoundaryShapeMigrations },
  [SOCIAL_RESOURCE_SHAPE]: { props: socialResourceShapeProps, migrations: socialResourceShapeMigrations },
  [SUPPORT_TIE_SHAPE]: { props: supportTieShapeProps, migrations: supportTieShapeMigrations },
  [FAMILY_TIE_SHAPE]: { props: familyTieShapeProps, migrations: familyTieShapeMigrations },
};

/** The one schema the browser's store and the server's validation share. */
export const ecomapSchema = createTLSchema({
  shapes: { ...defaultShapeSchemas, ...ecomapShapeSchemas },
  bindings: defaultBindingSchemas,
});

type SerializedSchema = ReturnType<typeof ecomapSchema.serialize>;

/**
 * Shapes that point at files or web pages: a closed network has no use for them, and an
 * external URL on the map would make every reader's browser fetch it.
 */
const refusedShapeTypes = new Set(['image', 'video', 'bookmark', 'embed']);


type SchemaType = { validate: (record: unknown) => unknown };

/** Everything wrong with a map's records, in Japanese; empty when tldraw's schema accepts them all. */
export function ecomapRecordProblems(records: EcomapRecords): string[] {
  const problems: string[] = [];
  const entries = Object.entries(records);
  if (entries.length > ECOMAP_MAX_RECORDS) return [`図形が多すぎます（${ECOMAP_MAX_RECORDS}件まで）`];
  for (const [key, record] of entries) {
    if (record === null || typeof record !== 'object' || record.id !== key) {
      problems.push(`${key}: 記録の形が不正です`);
      continue;
    }
    if (!SHARED_RECORD_TYPES.has(record.typeName)) {
      problems.push(`${key}: エコマップに置けない記録です（${String(record.typeName)}）`);
      continue;
    }
    if (record.typeName === 'shape' && refusedShapeTypes.has(String(record.type))) {
      problems.push(`${key}: 外部の画像やページは置けません`);
      continue;
    }
    const type = (ecomapSchema.types as unknown as Record<string, SchemaType>)[record.typeName]!;
    try {
      type.validate(record);
    } catch (error) {
      problems.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

export function storedTldrawSchema(doc: Y.Doc): SerializedSchema | null {
  const stored = doc.getMap<unknown>(META_ROOT).get(TLDRAW_SCHEMA_KEY);
  return stored !== null && typeof stored === 'object' ? (stored as SerializedSchema) : null;
}

/**
 * Whether a browser whose tldraw knows `ecomapSchema` can edit records written under `stored`:
 * not when they come from a newer tldraw (an older page must be reloaded first).
 */
export function canReadStoredSchema(stored: SerializedSchema | null): boolean {
  if (stored === null) return true;
  const current = ecomapSchema.serialize();
  if (stored.schemaVersion > current.schemaVersion) return false;
  return Object.entries(stored.sequences ?? {}).every(([sequence, version]) => (current.sequences[sequence] ?? -1) >= Number(version));
}

/**
 * Run by the server when it loads the map: records written under an older tldraw are migrated
 * to the current schema (tldraw's own migrations plus kasane's shapes'), and the schema is
 * stamped into the meta map. Returns whether anything changed.
 */
export function migrateEcomapDocument(doc: Y.Doc): boolean {
  const current = ecomapSchema.serialize();
  const stored = storedTldrawSchema(doc);
  if (stored !== null && JSON.stringify(stored) === JSON.stringify(current)) return false;
  doc.transact(() => {
    if (stored !== null) {
      const array = ecomapRecordsArray(doc);
      const records = readEcomapRecords(array as Y.Array<unknown>);
      const migrated = ecomapSchema.migrateStoreSnapshot({ schema: stored, store: records as never });
      if (migrated.type === 'error') throw new Error(`エコマップを移行できません: ${migrated.reason}`);
      writeEcomapRecords(array, migrated.value as unknown as EcomapRecords);
    }
    doc.getMap<unknown>(META_ROOT).set(TLDRAW_SCHEMA_KEY, current);
  });
  return true;
}
