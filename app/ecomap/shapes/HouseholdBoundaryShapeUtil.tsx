import { BaseBoxShapeUtil, Rectangle2d, SVGContainer } from 'tldraw';
import {
  HOUSEHOLD_BOUNDARY_SHAPE,
  householdBoundaryShapeMigrations,
  householdBoundaryShapeProps,
  type HouseholdBoundaryShape,
} from '../../../model/ecomap/shapes/householdBoundaryShape.ts';
import { MAP_FONT, MUTED } from './mapFont.ts';

export function HouseholdBoundaryGraphic({ shape }: { readonly shape: HouseholdBoundaryShape }) {
  return (
    <g fontFamily={MAP_FONT}>
      <rect x={1} y={1} width={shape.props.w - 2} height={shape.props.h - 2} rx={24} fill="none" stroke={MUTED} strokeWidth={2} strokeDasharray="10 6" />
      <text x={16} y={-6} fontSize={13} fill={MUTED}>
        世帯
      </text>
    </g>
  );
}

/** 世帯: a dashed line around the members who live together; only its outline can be grabbed. */
export class HouseholdBoundaryShapeUtil extends BaseBoxShapeUtil<HouseholdBoundaryShape> {
  static override type = HOUSEHOLD_BOUNDARY_SHAPE;
  static override props = householdBoundaryShapeProps;
  static override migrations = householdBoundaryShapeMigrations;

  getDefaultProps(): HouseholdBoundaryShape['props'] {
    return { w: 320, h: 200 };
  }

  override getGeometry(shape: HouseholdBoundaryShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: false });
  }

  component(shape: HouseholdBoundaryShape) {
    return (
      <SVGContainer>
        <HouseholdBoundaryGraphic shape={shape} />
      </SVGContainer>
    );
  }

  getIndicatorPath(shape: HouseholdBoundaryShape) {
    const path = new Path2D();
    path.roundRect(0, 0, shape.props.w, shape.props.h, 24);
    return path;
  }

  override toSvg(shape: HouseholdBoundaryShape) {
    return <HouseholdBoundaryGraphic shape={shape} />;
  }
}
