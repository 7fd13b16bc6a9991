import { Rectangle2d, ShapeUtil, SVGContainer, useValue } from 'tldraw';
import type { HouseholdMemberView } from '../../../model/ecomap/genogram.ts';
import {
  HOUSEHOLD_MEMBER_SHAPE,
  HOUSEHOLD_MEMBER_SIZE,
  householdMemberShapeMigrations,
  householdMemberShapeProps,
  type HouseholdMemberShape,
} from '../../../model/ecomap/shapes/householdMemberShape.ts';
import { ja } from '../../i18n/ja.ts';
import { memberViewOf } from '../householdOnMap.ts';
import { INK, MAP_FONT } from './mapFont.ts';

function symbolPath(symbol: HouseholdMemberView['symbol'], size: number, inset: number): string {
  const a = inset;
  const b = size - inset;
  const m = size / 2;
  if (symbol === 'male') return `M${a},${a} H${b} V${b} H${a} Z`;
  if (symbol === 'female') return `M${a},${m} A${m - a},${m - a} 0 1,0 ${b},${m} A${m - a},${m - a} 0 1,0 ${a},${m} Z`;
  return `M${m},${a} L${b},${m} L${m},${b} L${a},${m} Z`;
}

/** □ ○ ◇ with the age inside, doubled for 本人, crossed when deceased, the name below. */
export function HouseholdMemberGraphic({ shape, view }: { readonly shape: HouseholdMemberShape; readonly view: HouseholdMemberView }) {
  const size = Math.min(shape.props.w, shape.props.h - 28);
  return (
    <g fontFamily={MAP_FONT} aria-label={view.label}>
      <path d={symbolPath(view.symbol, size, 8)} fill="#ffffff" stroke={INK} strokeWidth={2.5} strokeDasharray={view.missing ? '4 4' : undefined} />
      {view.principal && <path d={symbolPath(view.symbol, size, 15)} fill="none" stroke={INK} strokeWidth={2} />}
      {view.deceased && <path d={`M8,8 L${size - 8},${size - 8} M${size - 8},8 L8,${size - 8}`} stroke={INK} strokeWidth={2} />}
      {view.age && (
        <text x={size / 2} y={size / 2 + 6} textAnchor="middle" fontSize={17} fill={INK}>
          {view.age}
        </text>
      )}
      <text x={shape.props.w / 2} y={shape.props.h - 8} textAnchor="middle" fontSize={14} fill={INK}>
        {view.principal ? `${view.label}（${ja.ecomap.symbol.principal}）` : view.label}
      </text>
    </g>
  );
}

function LiveHouseholdMember({ shape }: { readonly shape: HouseholdMemberShape }) {
  const view = useValue('member view', () => memberViewOf(shape.props.memberId), [shape.props.memberId]);
  return (
    <SVGContainer>
      <HouseholdMemberGraphic shape={shape} view={view} />
    </SVGContainer>
  );
}

export class HouseholdMemberShapeUtil extends ShapeUtil<HouseholdMemberShape> {
  static override type = HOUSEHOLD_MEMBER_SHAPE;
  static override props = householdMemberShapeProps;
  static override migrations = householdMemberShapeMigrations;

  getDefaultProps(): HouseholdMemberShape['props'] {
    return { memberId: '', ...HOUSEHOLD_MEMBER_SIZE };
  }

  // The symbol is drawn from the household data, not resized by hand.
  override canResize() {
    return false;
  }

  override hideRotateHandle() {
    return true;
  }

  getGeometry(shape: HouseholdMemberShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  component(shape: HouseholdMemberShape) {
    return <LiveHouseholdMember shape={shape} />;
  }

  getIndicatorPath(shape: HouseholdMemberShape) {
    const path = new Path2D();
    path.rect(0, 0, shape.props.w, shape.props.h);
    return path;
  }

  override toSvg(shape: HouseholdMemberShape) {
    return <HouseholdMemberGraphic shape={shape} view={memberViewOf(shape.props.memberId)} />;
  }
}
