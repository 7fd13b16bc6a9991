import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { shapeSize } from './shapeText.ts';

/** 世帯: the line drawn around the members who live together. */
export const HOUSEHOLD_BOUNDARY_SHAPE = 'household-boundary';

declare module '@tldraw/tlschema' {
  export interface TLGlobalShapePropsMap {
    [HOUSEHOLD_BOUNDARY_SHAPE]: { w: number; h: number };
  }
}

export type HouseholdBoundaryShape = TLShape<typeof HOUSEHOLD_BOUNDARY_SHAPE>;

export const householdBoundaryShapeProps: RecordProps<HouseholdBoundaryShape> = { w: shapeSize, h: shapeSize };

export const householdBoundaryShapeMigrations = createShapePropsMigrationSequence({ sequence: [] });
