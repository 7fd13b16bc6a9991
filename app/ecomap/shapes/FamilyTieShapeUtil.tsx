import { TieShapeUtil } from './TieShapeUtil.ts';
import { Edge2d, Polyline2d, Rectangle2d, SVGContainer, useValue, Vec, type Editor } from 'tldraw';
import {
  FAMILY_TIE_SHAPE,
  familyTieShapeMigrations,
  familyTieShapeProps,
  type FamilyTieShape,
} from '../../../model/ecomap/shapes/familyTieShape.ts';
import { INK } from './mapFont.ts';
import { tieEnds, type Point } from './tieEnds.ts';

function localPoints(editor: Editor, shape: FamilyTieShape): Point[] | null {
  const parentChild = shape.props.kind === 'parentChild';
  const ends = tieEnds(editor, shape.props.fromId, shape.props.toId, parentChild);
  if (!ends) return null;
  const start = { x: ends.start.x - shape.x, y: ends.start.y - shape.y };
  const end = { x: ends.end.x - shape.x, y: ends.end.y - shape.y };
  if (!parentChild) return [start, end];
  // 親子: down from the parent, across, and down to the child, as genograms draw it.
  const middleY = (start.y + end.y) / 2;
  return [start, { x: start.x, y: middleY }, { x: end.x, y: middleY }, end];
}

/** Short strokes across the middle of the line: one for 別居, two for 離婚. */
function slashes(points: Point[], count: number): string {
  const [a, b] = [points[0]!, points.at(-1)!];
  const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return Array.from({ length: count }, (_, index) => {
    const offset = (index - (count - 1) / 2) * 8;
    return `M${middle.x + offset - 5},${middle.y + 9} L${middle.x + offset + 5},${middle.y - 9}`;
  }).join(' ');
}

/** 婚姻: a line; 内縁: dashed; 別居: one slash; 離婚: two slashes; 親子: an elbow down to the child. */
export function FamilyTieGraphic({ shape, points }: { readonly shape: FamilyTieShape; readonly points: Point[] | null }) {
  if (!points) return null;
  const { kind } = shape.props;
  const d = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x},${point.y}`).join(' ');
  return (
    <g>
      <path d={d} fill="none" stroke={INK} strokeWidth={2.5} strokeDasharray={kind === 'commonLaw' ? '8 6' : undefined} />
      {kind === 'separation' && <path d={slashes(points, 1)} stroke={INK} strokeWidth={2.5} />}
      {kind === 'divorce' && <path d={slashes(points, 2)} stroke={INK} strokeWidth={2.5} />}
    </g>
  );
}

function LiveFamilyTie({ shape, editor }: { readonly shape: FamilyTieShape; readonly editor: Editor }) {
  const points = useValue('family tie points', () => localPoints(editor, shape), [editor, shape]);
  return (
    <SVGContainer>
      <FamilyTieGraphic shape={shape} points={points} />
    </SVGContainer>
  );
}

export class FamilyTieShapeUtil extends TieShapeUtil<FamilyTieShape> {
  static override type = FAMILY_TIE_SHAPE;
  static override props = familyTieShapeProps;
  static override migrations = familyTieShapeMigrations;

  getDefaultProps(): FamilyTieShape['props'] {
    return { fromId: 'shape:from', toId: 'shape:to', kind: 'marriage' };
  }

  getGeometry(shape: FamilyTieShape) {
    const points = localPoints(this.editor, shape);
    if (!points) return new Rectangle2d({ width: 1, height: 1, isFilled: false });
    if (points.length === 2) return new Edge2d({ start: Vec.From(points[0]!), end: Vec.From(points[1]!) });
    return new Polyline2d({ points: points.map((point) => Vec.From(point)) });
  }

  component(shape: FamilyTieShape) {
    return <LiveFamilyTie shape={shape} editor={this.editor} />;
  }

  getIndicatorPath(shape: FamilyTieShape) {
    const points = localPoints(this.editor, shape) ?? [];
    const path = new Path2D();
    points.forEach((point, index) => (index === 0 ? path.moveTo(point.x, point.y) : path.lineTo(point.x, point.y)));
    return path;
  }

  override toSvg(shape: FamilyTieShape) {
    return <FamilyTieGraphic shape={shape} points={localPoints(this.editor, shape)} />;
  }
}
