import { T } from '@tldraw/validate';

/** Free text on the map (names of resources, notes on ties): short, so a label stays a label. */
export const SHAPE_TEXT_MAX = 200;

export const shapeText = T.string.check('length', (value) => {
  if (value.length > SHAPE_TEXT_MAX) throw new Error(`${SHAPE_TEXT_MAX}文字以内で入力してください`);
});

/** Sizes of box shapes: positive and bounded, so a crafted record cannot make a canvas unusable. */
export const shapeSize = T.number.check('size', (value) => {
  if (!(value >= 8 && value <= 10_000)) throw new Error('大きさが範囲外です');
});

/** Another shape of the same map, by its tldraw id. */
export const shapeReference = T.string.check('shape-id', (value) => {
  if (!/^shape:[\w-]{1,64}$/.test(value)) throw new Error('図形の参照が不正です');
});
