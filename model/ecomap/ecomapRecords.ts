import { ECOMAP_PAGE_ID, type EcomapRecord } from './ecomapDocument.ts';

/**
 * A shape record as tldraw stores it, built without loading tldraw (the server's seed and the
 * tests write maps too). tldraw's schema validates the result like any other record.
 */
export function shapeRecord(input: {
  id: string;
  type: string;
  x: number;
  y: number;
  /** tldraw's fractional index: the stacking order on the page. */
  index: string;
  props: Record<string, unknown>;
}): EcomapRecord {
  return {
    id: input.id,
    typeName: 'shape',
    type: input.type,
    x: input.x,
    y: input.y,
    rotation: 0,
    index: input.index,
    parentId: ECOMAP_PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: input.props,
  };
}
