import { TieShapeUtil } from './TieShapeUtil.ts';
import { Edge2d, Rectangle2d, SVGContainer, useValue, Vec, type Editor } from 'tldraw';
import {
  SUPPORT_TIE_SHAPE,
  supportTieShapeMigrations,
  supportTieShapeProps,
  type SupportTieShape,
} from '../../../model/ecomap/shapes/supportTieShape.ts';
import { INK, MAP_FONT } from './mapFont.ts';
import { arrowHead, tieEnds, zigzagPath, type Point } from './tieEnds.ts';

/** Ends relative to the shape's own position (normally the page origin). */
function localEnds(editor: Editor, shape: SupportTieShape): { start: Point; end: Point } | null {
  const ends = tieEnds(editor, shape.props.fromId, shape.props.toId);
  if (!ends) return null;
  return {
    start: { x: ends.start.x - shape.x, y: ends.start.y - shape.y },
    end: { x: ends.end.x - shape.x, y: ends.end.y - shape.y },
  };
}

/** 強い: thick; 普通: a line; 弱い: dashed; ストレス・対立: zigzag. Arrows show where support goes. */
export function SupportTieGraphic({ shape, ends }: { readonly shape: SupportTieShape; readonly ends: { start: Point; end: Point } | null }) {
  if (!ends) return null;
  const { start, end } = ends;
  const { strength, direction, note } = shape.props;
  const width = strength === 'strong' ? 6 : 2;
  const d = strength === 'stress' ? zigzagPath(start, end) : `M${start.x},${start.y} L${end.x},${end.y}`;
  const middle = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  return (
    <g fontFamily={MAP_FONT}>
      <path d={d} fill="none" stroke={INK} strokeWidth={width} strokeDasharray={strength === 'weak' ? '9 7' : undefined} strokeLinejoin="round" />
      {(direction === 'forward' || direction === 'both') && <path d={arrowHead(start, end, 14)} fill="none" stroke={INK} strokeWidth={2.5} />}
      {(direction === 'backward' || direction === 'both') && <path d={arrowHead(end, start, 14)} fill="none" stroke={INK} strokeWidth={2.5} />}
      {note && (
        <text x={middle.x} y={middle.y - 10} textAnchor="middle" fontSize={12} fill={INK} stroke="#ffffff" strokeWidth={4} paintOrder="stroke">
          {note}
        </text>
      )}
    </g>
  );
}

function LiveSupportTie({ shape, editor }: { readonly shape: SupportTieShape; readonly editor: Editor }) {
  const ends = useValue('tie ends', () => localEnds(editor, shape), [editor, shape]);
  return (
    <SVGContainer>
      <SupportTieGraphic shape={shape} ends={ends} />
    </SVGContainer>
  );
}

/** A line joining two shapes of the map; it follows them and cannot be moved on its own. */
export class SupportTieShapeUtil extends TieShapeUtil<SupportTieShape> {
  static override type = SUPPORT_TIE_SHAPE;
  static override props = supportTieShapeProps;
  static override migrations = supportTieShapeMigrations;

  getDefaultProps(): SupportTieShape['props'] {
    return { fromId: 'shape:from', toId: 'shape:to', strength: 'normal', direction: 'none', note: '' };
  }

  getGeometry(shape: SupportTieShape) {
    const ends = localEnds(this.editor, shape);
    if (!ends) return new Rectangle2d({ width: 1, height: 1, isFilled: false });
    return new Edge2d({ start: Vec.From(ends.start), end: Vec.From(ends.end) });
  }

  component(shape: SupportTieShape) {
    return <LiveSupportTie shape={shape} editor={this.editor} />;
  }

  getIndicatorPath(shape: SupportTieShape) {
    const ends = localEnds(this.editor, shape);
    const path = new Path2D();
    if (ends) {
      path.moveTo(ends.start.x, ends.start.y);
      path.lineTo(ends.end.x, ends.end.y);
    }
    return path;
  }

  override toSvg(shape: SupportTieShape) {
    return <SupportTieGraphic shape={shape} ends={localEnds(this.editor, shape)} />;
  }
}
