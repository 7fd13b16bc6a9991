import type * as Y from 'yjs';
import { ecomapRecordsArray, writeEcomapRecords, readEcomapRecords, type EcomapRecord } from '../../model/ecomap/ecomapDocument.ts';
import { shapeRecord } from '../../model/ecomap/ecomapRecords.ts';
import { migrateEcomapDocument } from '../../model/ecomap/ecomapSchema.ts';
import { HOUSEHOLD_MEMBER_SIZE } from '../../model/ecomap/shapes/householdMemberShape.ts';
import { SOCIAL_RESOURCE_SIZE } from '../../model/ecomap/shapes/socialResourceShape.ts';
import { HANA, TARO } from './demoCaseRecord.ts';
import { demoAgencies } from './demoData.ts';

/** The map the coordinator drew after the first interview (初回面談): what was known then. */
export const demoEcomapSnapshot = { label: '初回面談時', asOf: '2026-11-12' } as const;

const resource = (id: string, index: string, x: number, y: number, kind: string, name: string, agencyId: string | null = null) =>
  shapeRecord({ id, type: 'social-resource', x, y, index, props: { kind, name, agencyId, ...SOCIAL_RESOURCE_SIZE } });

const tie = (id: string, index: string, fromId: string, toId: string, strength: string, direction: string, note: string) =>
  shapeRecord({ id, type: 'support-tie', x: 0, y: 0, index, props: { fromId, toId, strength, direction, note } });

const firstInterviewShapes: EcomapRecord[] = [
  shapeRecord({ id: 'shape:household', type: 'household-boundary', x: 300, y: 220, index: 'a0', props: { w: 300, h: 190 } }),
  shapeRecord({ id: 'shape:m-4e7a02', type: 'household-member', x: 330, y: 250, index: 'a1', props: { memberId: HANA, ...HOUSEHOLD_MEMBER_SIZE } }),
  shapeRecord({ id: 'shape:m-b3c815', type: 'household-member', x: 470, y: 250, index: 'a2', props: { memberId: TARO, ...HOUSEHOLD_MEMBER_SIZE } }),
  shapeRecord({ id: 'shape:tie-9d2f61', type: 'family-tie', x: 0, y: 0, index: 'a3', props: { fromId: 'shape:m-4e7a02', toId: 'shape:m-b3c815', kind: 'parentChild' } }),
  resource('shape:minsei', 'a4', 60, 60, '民生委員', '民生委員（北町担当）'),
  resource('shape:houkatsu', 'a5', 60, 470, '介護', demoAgencies[1]!.name, demoAgencies[1]!.id),
  resource('shape:dayservice', 'a6', 300, 520, '介護', 'デイサービス（週2回）'),
  resource('shape:clinic', 'a7', 640, 60, '医療', 'かかりつけ医（内科）'),
  resource('shape:lender', 'a8', 700, 470, 'その他', '消費者金融（督促）'),
  tie('shape:tie-minsei', 'a9', 'shape:minsei', 'shape:m-4e7a02', 'normal', 'forward', '見守り'),
  tie('shape:tie-houkatsu', 'aA', 'shape:houkatsu', 'shape:m-4e7a02', 'strong', 'forward', 'ケアプラン'),
  tie('shape:tie-day', 'aB', 'shape:dayservice', 'shape:m-4e7a02', 'normal', 'forward', ''),
  tie('shape:tie-clinic', 'aC', 'shape:clinic', 'shape:m-4e7a02', 'weak', 'forward', '通院が途切れがち'),
  tie('shape:tie-lender', 'aD', 'shape:lender', 'shape:m-b3c815', 'stress', 'none', '督促状'),
];

/** Adds the first interview's shapes to a new map document (pages and schema stamp included). */
export function fillDemoEcomap(doc: Y.Doc): void {
  doc.transact(() => {
    const array = ecomapRecordsArray(doc);
    const records = readEcomapRecords(array as Y.Array<unknown>);
    for (const shape of firstInterviewShapes) records[shape.id] = shape;
    writeEcomapRecords(array, records);
    migrateEcomapDocument(doc);
  });
}
