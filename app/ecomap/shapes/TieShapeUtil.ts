import { ShapeUtil, type TLShape, type TLShapePartial } from 'tldraw';

/**
 * A line between two other shapes of the map. It is drawn from where its ends are, so it is
 * neither resized, rotated nor dragged on its own: moving either end moves it.
 */
export abstract class TieShapeUtil<Shape extends TLShape> extends ShapeUtil<Shape> {
  override canResize() {
    return false;
  }

  override hideRotateHandle() {
    return true;
  }

  override hideResizeHandles() {
    return true;
  }

  override hideSelectionBoundsFg() {
    return true;
  }

  override onTranslate(initial: Shape): TLShapePartial<Shape> {
    return { id: initial.id, type: initial.type, x: initial.x, y: initial.y } as unknown as TLShapePartial<Shape>;
  }
}
