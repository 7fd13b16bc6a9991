import type { Editor, TLShapeId } from 'tldraw';

export interface Point {
  readonly x: number;
  readonly y: number;
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const GAP = 4;

/** Where the line from the box's centre towards `towards` leaves the box. */
function edgePoint(box: Box, towards: Point): Point {
  const centre = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  const dx = towards.x - centre.x;
  const dy = towards.y - centre.y;
  const tx = dx === 0 ? Infinity : (box.w / 2 + GAP) / Math.abs(dx);
  const ty = dy === 0 ? Infinity : (box.h / 2 + GAP) / Math.abs(dy);
  const t = Math.min(tx, ty, 1);
  return { x: centre.x + dx * t, y: centre.y + dy * t };
}

/**
 * The two ends of a tie in page coordinates, read from the shapes it joins (so the line follows
 * them as they move), or null when one of them is gone. Reading bounds through the editor makes
 * tldraw recompute the tie whenever either end moves.
 */
export function tieEnds(editor: Editor, fromId: string, toId: string, parentChild = false): { start: Point; end: Point } | null {
  const from = editor.getShapePageBounds(fromId as TLShapeId);
  const to = editor.getShapePageBounds(toId as TLShapeId);
  if (!from || !to) return null;
  if (parentChild) {
    return { start: { x: from.x + from.w / 2, y: from.y + from.h + GAP }, end: { x: to.x + to.w / 2, y: to.y - GAP } };
  }
  const fromCentre = { x: from.x + from.w / 2, y: from.y + from.h / 2 };
  const toCentre = { x: to.x + to.w / 2, y: to.y + to.h / 2 };
  return { start: edgePoint(from, toCentre), end: edgePoint(to, fromCentre) };
}

/** A zigzag along the segment: the usual ecomap mark of stress or conflict. */
export function zigzagPath(start: Point, end: Point, step = 12, amplitude = 7): string {
  const length = Math.hypot(end.x - start.x, end.y - start.y);
  if (length === 0) return `M${start.x},${start.y}`;
  const ux = (end.x - start.x) / length;
  const uy = (end.y - start.y) / length;
  const points = [`M${start.x},${start.y}`];
  const count = Math.max(2, Math.floor(length / step));
  for (let i = 1; i < count; i += 1) {
    const along = (length * i) / count;
    const side = i % 2 === 0 ? -amplitude : amplitude;
    points.push(`L${start.x + ux * along - uy * side},${start.y + uy * along + ux * side}`);
  }
  points.push(`L${end.x},${end.y}`);
  return points.join(' ');
}

/** An arrowhead at `tip`, pointing away from `from`. */
export function arrowHead(from: Point, tip: Point, size = 12): string {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const left = { x: tip.x - size * Math.cos(angle - Math.PI / 7), y: tip.y - size * Math.sin(angle - Math.PI / 7) };
  const right = { x: tip.x - size * Math.cos(angle + Math.PI / 7), y: tip.y - size * Math.sin(angle + Math.PI / 7) };
  return `M${left.x},${left.y} L${tip.x},${tip.y} L${right.x},${right.y}`;
}
