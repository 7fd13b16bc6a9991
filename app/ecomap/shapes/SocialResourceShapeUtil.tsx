import { BaseBoxShapeUtil, Rectangle2d, SVGContainer } from 'tldraw';
import {
  SOCIAL_RESOURCE_SHAPE,
  SOCIAL_RESOURCE_SIZE,
  socialResourceShapeMigrations,
  socialResourceShapeProps,
  type ResourceKind,
  type SocialResourceShape,
} from '../../../model/ecomap/shapes/socialResourceShape.ts';
import { INK, MAP_FONT, MUTED } from './mapFont.ts';

/** Calm fills, one per kind, light enough for black text and for printing in grey. */
const kindFill: Record<ResourceKind, string> = {
  行政: '#e8f1fe',
  医療: '#fdeeee',
  介護: '#fff4e0',
  障害福祉: '#f1ecfb',
  教育: '#e6f5ec',
  就労: '#eef3dc',
  '地域・近隣': '#e9f6f6',
  民生委員: '#fbeef6',
  インフォーマル: '#f4f4f4',
  その他: '#ffffff',
};

/** SVG text does not wrap: two lines of the name, cut where it is too long for the node. */
function nameLines(name: string, perLine: number): string[] {
  const chars = [...name];
  if (chars.length <= perLine) return [name];
  const second = chars.slice(perLine, perLine * 2);
  return [chars.slice(0, perLine).join(''), chars.length > perLine * 2 ? `${second.slice(0, -1).join('')}…` : second.join('')];
}

export function SocialResourceGraphic({ shape }: { readonly shape: SocialResourceShape }) {
  const { w, h, kind, name } = shape.props;
  const lines = nameLines(name || kind, Math.max(4, Math.floor((w - 16) / 14)));
  return (
    <g fontFamily={MAP_FONT}>
      <rect x={1} y={1} width={w - 2} height={h - 2} rx={10} fill={kindFill[kind]} stroke={INK} strokeWidth={1.5} />
      <text x={10} y={17} fontSize={11} fill={MUTED}>
        {kind}
      </text>
      {lines.map((line, index) => (
        <text key={index} x={w / 2} y={h / 2 + 8 + (index - (lines.length - 1) / 2) * 17} textAnchor="middle" fontSize={14} fill={INK}>
          {line}
        </text>
      ))}
    </g>
  );
}

export class SocialResourceShapeUtil extends BaseBoxShapeUtil<SocialResourceShape> {
  static override type = SOCIAL_RESOURCE_SHAPE;
  static override props = socialResourceShapeProps;
  static override migrations = socialResourceShapeMigrations;

  getDefaultProps(): SocialResourceShape['props'] {
    return { kind: 'その他', name: '', agencyId: null, ...SOCIAL_RESOURCE_SIZE };
  }

  override getGeometry(shape: SocialResourceShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  component(shape: SocialResourceShape) {
    return (
      <SVGContainer>
        <SocialResourceGraphic shape={shape} />
      </SVGContainer>
    );
  }

  getIndicatorPath(shape: SocialResourceShape) {
    const path = new Path2D();
    path.roundRect(0, 0, shape.props.w, shape.props.h, 10);
    return path;
  }

  override toSvg(shape: SocialResourceShape) {
    return <SocialResourceGraphic shape={shape} />;
  }
}
