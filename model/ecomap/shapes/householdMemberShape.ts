import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import { shapeSize } from './shapeText.ts';

/**
 * 世帯員: a genogram symbol bound to a member of the household. It stores the member's id and
 * nothing that identifies the person: the label and symbol are read from the household data
 * each reader is allowed to see (a masked reader sees 「A氏」).
 */
export const HOUSEHOLD_MEMBER_SHAPE = 'household-member';

declare module '@tldraw/tlschema' {
  export interface TLGlobalShapePropsMap {
    [HOUSEHOLD_MEMBER_SHAPE]: { memberId: string; w: number; h: number };
  }
}

export type HouseholdMemberShape = TLShape<typeof HOUSEHOLD_MEMBER_SHAPE>;

export const householdMemberShapeProps: RecordProps<HouseholdMemberShape> = {
  memberId: T.string.check('member-id', (value) => {
    if (!/^[A-Za-z0-9_-]{6,64}$/.test(value)) throw new Error('世帯員の参照が不正です');
  }),
  w: shapeSize,
  h: shapeSize,
};

export const householdMemberShapeMigrations = createShapePropsMigrationSequence({ sequence: [] });

export const HOUSEHOLD_MEMBER_SIZE = { w: 96, h: 124 } as const;
