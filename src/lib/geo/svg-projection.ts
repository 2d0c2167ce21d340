import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GeoBBox } from './geo-clip';

/** Maps longitude/latitude onto SVG user units (x right, y down). */
export interface SvgProjection {
  width: number;
  height: number;
  box: GeoBBox;
  /** [x, y] in SVG units, rounded to 0.1. */
  project(lon: number, lat: number): [number, number];
  /** SVG units per kilometre (at the box's middle latitude). */
  unitsPerKm: number;
}

const KM_PER_DEGREE = 111.32;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * An equirectangular projection of `box` onto an SVG `width` units wide, with longitudes scaled by
 * the cosine of the middle latitude so shapes keep their proportions in the region (error < 5 %
 * across Southeastern Europe). The height follows from the box.
 */
export function createSvgProjection(box: GeoBBox, width: number): SvgProjection {
  const midLat = ((box.north + box.south) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const scale = width / ((box.east - box.west) * kx);
  const height = round1((box.north - box.south) * scale);
  return {
    width,
    height,
    box,
    unitsPerKm: scale / KM_PER_DEGREE,
    project: (lon, lat) => [round1((lon - box.west) * kx * scale), round1((box.north - lat) * scale)],
  };
}

/**
 * SVG path data for rings of [lon, lat] positions: each ring becomes "M…L…Z". Consecutive points
 * that project onto the same 0.1 unit are dropped, which keeps 1:50m outlines small on a page.
 */
export function projectRingsToSvgPath(rings: Position[][], projection: SvgProjection): string {
  const parts: string[] = [];
  for (const ring of rings) {
    let lastKey = '';
    const points: string[] = [];
    for (const position of ring) {
      const [x, y] = projection.project(position[0]!, position[1]!);
      const key = `${x},${y}`;
      if (key === lastKey) continue;
      lastKey = key;
      points.push(key);
    }
    if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
  }
  return parts.join('');
}

/** SVG path data for a GeoJSON Polygon or MultiPolygon (use with fill-rule="evenodd"). */
export function projectToSvg(geometry: Polygon | MultiPolygon, projection: SvgProjection): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => projectRingsToSvgPath(rings, projection)).join('');
}
