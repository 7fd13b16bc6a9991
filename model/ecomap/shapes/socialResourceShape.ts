import { createShapePropsMigrationSequence, type RecordProps, type TLShape } from '@tldraw/tlschema';
import { T } from '@tldraw/validate';
import { shapeSize, shapeText } from './shapeText.ts';

/** 機関・社会資源: an agency, service or informal support around the household. */
export const SOCIAL_RESOURCE_SHAPE = 'social-resource';

export const resourceKinds = ['行政', '医療', '介護', '障害福祉', '教育', '就労', '地域・近隣', '民生委員', 'インフォーマル', 'その他'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

declare module '@tldraw/tlschema' {
  export interface TLGlobalShapePropsMap {
    [SOCIAL_RESOURCE_SHAPE]: { kind: ResourceKind; name: string; agencyId: string | null; w: number; h: number };
  }
}

export type SocialResourceShape = TLShape<typeof SOCIAL_RESOURCE_SHAPE>;

export const socialResourceShapeProps: RecordProps<SocialResourceShape> = {
  kind: T.literalEnum(...resourceKinds),
  name: shapeText,
  /** Set when the node stands for one of the case's participating agencies. */
  agencyId: T.string.nullable(),
  w: shapeSize,
  h: shapeSize,
};

export const socialResourceShapeMigrations = createShapePropsMigrationSequence({ sequence: [] });

export const SOCIAL_RESOURCE_SIZE = { w: 160, h: 72 } as const;
