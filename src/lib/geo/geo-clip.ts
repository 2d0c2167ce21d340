import type { Position } from 'geojson';

/** A longitude/latitude box (degrees, WGS 84). */
export interface GeoBBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

type Edge = { inside: (p: Position) => boolean; cut: (a: Position, b: Position) => Position };

function edgesOf(box: GeoBBox): Edge[] {
  const atX = (x: number) => (a: Position, b: Position): Position => [x, a[1]! + ((b[1]! - a[1]!) * (x - a[0]!)) / (b[0]! - a[0]!)];
  const atY = (y: number) => (a: Position, b: Position): Position => [a[0]! + ((b[0]! - a[0]!) * (y - a[1]!)) / (b[1]! - a[1]!), y];
  return [
    { inside: (p) => p[0]! >= box.west, cut: atX(box.west) },
    { inside: (p) => p[0]! <= box.east, cut: atX(box.east) },
    { inside: (p) => p[1]! >= box.south, cut: atY(box.south) },
    { inside: (p) => p[1]! <= box.north, cut: atY(box.north) },
  ];
}

/**
 * Clips a closed ring ([lon, lat] positions) to a box (Sutherland–Hodgman). Returns a closed ring,
 * or an empty array when nothing is left. Good enough for drawing: a concave ring cut into two
 * parts keeps a zero-width bridge along the box edge, which is invisible on a map.
 */
export function clipRingToBox(ring: Position[], box: GeoBBox): Position[] {
  let points = ring.length > 1 && samePoint(ring[0]!, ring[ring.length - 1]!) ? ring.slice(0, -1) : ring.slice();
  for (const edge of edgesOf(box)) {
    if (points.length === 0) break;
    const next: Position[] = [];
    for (let i = 0; i < points.length; i += 1) {
      const current = points[i]!;
      const previous = points[(i + points.length - 1) % points.length]!;
      const currentIn = edge.inside(current);
      const previousIn = edge.inside(previous);
      if (currentIn) {
        if (!previousIn) next.push(edge.cut(previous, current));
        next.push(current);
      } else if (previousIn) {
        next.push(edge.cut(previous, current));
      }
    }
    points = next;
  }
  if (points.length < 3) return [];
  return [...points, points[0]!];
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Whether two boxes overlap. */
export function boxesIntersect(a: GeoBBox, b: GeoBBox): boolean {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}
