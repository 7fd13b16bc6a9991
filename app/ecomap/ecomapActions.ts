import { createShapeId, type Editor, type TLShape } from 'tldraw';
import { FAMILY_TIE_SHAPE, type FamilyTieKind } from '../../model/ecomap/shapes/familyTieShape.ts';
import { HOUSEHOLD_BOUNDARY_SHAPE } from '../../model/ecomap/shapes/householdBoundaryShape.ts';
import { HOUSEHOLD_MEMBER_SHAPE, HOUSEHOLD_MEMBER_SIZE } from '../../model/ecomap/shapes/householdMemberShape.ts';
import { SOCIAL_RESOURCE_SHAPE, SOCIAL_RESOURCE_SIZE, type ResourceKind } from '../../model/ecomap/shapes/socialResourceShape.ts';
import { SUPPORT_TIE_SHAPE, type SupportDirection, type TieStrength } from '../../model/ecomap/shapes/supportTieShape.ts';

const tieTypes = new Set<string>([SUPPORT_TIE_SHAPE, FAMILY_TIE_SHAPE]);

/** Somewhere free near the middle of the view, so a new shape does not land on the last one. */
function placement(editor: Editor, w: number, h: number): { x: number; y: number } {
  const centre = editor.getViewportPageBounds().center;
  const count = editor.getCurrentPageShapeIds().size % 8;
  return { x: Math.round(centre.x - w / 2 + count * 24), y: Math.round(centre.y - h / 2 + count * 24) };
}

export function placeMember(editor: Editor, memberId: string): void {
  editor.createShape({ id: createShapeId(), type: HOUSEHOLD_MEMBER_SHAPE, ...placement(editor, HOUSEHOLD_MEMBER_SIZE.w, HOUSEHOLD_MEMBER_SIZE.h), props: { memberId, ...HOUSEHOLD_MEMBER_SIZE } });
}

export function placeHousehold(editor: Editor): void {
  const selected = editor.getSelectedShapes().filter((shape) => shape.type === HOUSEHOLD_MEMBER_SHAPE);
  const bounds = selected.length > 0 ? editor.getSelectionPageBounds() : null;
  // Around the selected members when there are some: that is who lives together.
  const frame = bounds ? { x: bounds.x - 30, y: bounds.y - 30, w: bounds.w + 60, h: bounds.h + 60 } : { ...placement(editor, 320, 200), w: 320, h: 200 };
  const id = createShapeId();
  editor.createShape({ id, type: HOUSEHOLD_BOUNDARY_SHAPE, x: frame.x, y: frame.y, props: { w: frame.w, h: frame.h } });
  editor.sendToBack([id]);
}

export function placeResource(editor: Editor, kind: ResourceKind, name: string, agencyId: string | null): void {
  editor.createShape({
    id: createShapeId(),
    type: SOCIAL_RESOURCE_SHAPE,
    ...placement(editor, SOCIAL_RESOURCE_SIZE.w, SOCIAL_RESOURCE_SIZE.h),
    props: { kind, name, agencyId, ...SOCIAL_RESOURCE_SIZE },
  });
}

function selectedPair(editor: Editor, accept: (shape: TLShape) => boolean): [TLShape, TLShape] | null {
  const selected = editor.getSelectedShapes().filter((shape) => !tieTypes.has(shape.type));
  if (selected.length !== 2 || !selected.every(accept)) return null;
  return [selected[0]!, selected[1]!];
}

/** Joins the two selected shapes; false when the selection is not two shapes. */
export function drawSupportTie(editor: Editor, strength: TieStrength, direction: SupportDirection, note: string): boolean {
  const pair = selectedPair(editor, () => true);
  if (!pair) return false;
  const id = createShapeId();
  editor.createShape({ id, type: SUPPORT_TIE_SHAPE, x: 0, y: 0, props: { fromId: pair[0].id, toId: pair[1].id, strength, direction, note } });
  editor.sendToBack([id]);
  return true;
}

/** 続柄 between the two selected members; for 親子 the first selected is the parent. */
export function drawFamilyTie(editor: Editor, kind: FamilyTieKind): boolean {
  const pair = selectedPair(editor, (shape) => shape.type === HOUSEHOLD_MEMBER_SHAPE);
  if (!pair) return false;
  const [first, second] = kind === 'parentChild' ? pair : [...pair].sort((a, b) => a.x - b.x);
  const id = createShapeId();
  editor.createShape({ id, type: FAMILY_TIE_SHAPE, x: 0, y: 0, props: { fromId: first!.id, toId: second!.id, kind } });
  editor.sendToBack([id]);
  return true;
}

/** Ties whose end was deleted would point nowhere: they go with it. */
export function removeDanglingTies(editor: Editor): () => void {
  return editor.sideEffects.registerAfterDeleteHandler('shape', (deleted, source) => {
    if (source !== 'user') return;
    const dangling = [...editor.getCurrentPageShapeIds()]
      .map((id) => editor.getShape(id)!)
      .filter((shape) => tieTypes.has(shape.type) && ((shape.props as { fromId: string }).fromId === deleted.id || (shape.props as { toId: string }).toId === deleted.id));
    if (dangling.length > 0) editor.deleteShapes(dangling.map((shape) => shape.id));
  });
}
