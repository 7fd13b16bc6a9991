import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import { shapeReference } from './shapeText.ts';

/** ジェノグラムの続柄線 between two household members. */
export const FAMILY_TIE_SHAPE = 'family-tie';

export const familyTieKinds = ['marriage', 'divorce', 'separation', 'commonLaw', 'parentChild'] as const;
export type FamilyTieKind = (typeof familyTieKinds)[number];
export const familyTieLabels: Record<FamilyTieKind, string> = {
  marriage: '婚姻',
  divorce: '離婚',
  separation: '別居',
  commonLaw: '内縁',
  parentChild: '親子',
};

declare module '@tldraw/tlschema' {
  export interface TLGlobalShapePropsMap {
    /** For 親子, `fromId` is the parent. */
    [FAMILY_TIE_SHAPE]: { fromId: string; toId: string; kind: FamilyTieKind };
  }
}

export type FamilyTieShape = TLShape<typeof FAMILY_TIE_SHAPE>;

export const familyTieShapeProps: RecordProps<FamilyTieShape> = {
  fromId: shapeReference,
  toId: shapeReference,
  kind: T.literalEnum(...familyTieKinds),
};

export const familyTieShapeMigrations = createShapePropsMigrationSequence({ sequence: [] });
