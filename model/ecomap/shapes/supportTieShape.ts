import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import { shapeReference, shapeText } from './shapeText.ts';

/**
 * エコマップの関係線 between two shapes of the map, drawn in the usual ecomap styles: 強い is a
 * thick line, 普通 a line, 弱い a dashed line, ストレス・対立 a zigzag. Arrows show which way
 * support flows. The line follows its two ends; it stores only which shapes they are.
 */
export const SUPPORT_TIE_SHAPE = 'support-tie';

export const tieStrengths = ['strong', 'normal', 'weak', 'stress'] as const;
export type TieStrength = (typeof tieStrengths)[number];
export const tieStrengthLabels: Record<TieStrength, string> = {
  strong: '強い',
  normal: '普通',
  weak: '弱い',
  stress: 'ストレス・対立',
};

export const supportDirections = ['none', 'forward', 'backward', 'both'] as const;
export type SupportDirection = (typeof supportDirections)[number];
export const supportDirectionLabels: Record<SupportDirection, string> = {
  none: '向きなし',
  forward: '始点から終点へ',
  backward: '終点から始点へ',
  both: '双方向',
};

declare module '@tldraw/tlschema' {
  export interface TLGlobalShapePropsMap {
    [SUPPORT_TIE_SHAPE]: { fromId: string; toId: string; strength: TieStrength; direction: SupportDirection; note: string };
  }
}

export type SupportTieShape = TLShape<typeof SUPPORT_TIE_SHAPE>;

export const supportTieShapeProps: RecordProps<SupportTieShape> = {
  fromId: shapeReference,
  toId: shapeReference,
  strength: T.literalEnum(...tieStrengths),
  direction: T.literalEnum(...supportDirections),
  note: shapeText,
};

export const supportTieShapeMigrations = createShapePropsMigrationSequence({ sequence: [] });
