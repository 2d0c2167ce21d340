import type { Position } from 'geojson';
import type { GeoBBox } from './geo-clip';

/** A CAP circle: centre and radius in kilometres. */
export interface GeoCircle {
  lat: number;
  lon: number;
  radiusKm: number;
}

function parsePair(text: string): Position | null {
  const [latText, lonText, extra] = text.split(',');
  if (latText === undefined || lonText === undefined || extra !== undefined) return null;
  const lat = Number(latText);
  const lon = Number(lonText);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return [lon, lat];
}

/** Parses a CAP polygon ("lat,lon lat,lon …") into [lon, lat] positions; null when malformed. */
export function parseCapPolygon(text: string): Position[] | null {
  const pairs = text.trim().split(/\s+/).filter(Boolean);
  if (pairs.length < 3) return null;
  const points: Position[] = [];
  for (const pair of pairs) {
    const point = parsePair(pair);
    if (!point) return null;
    points.push(point);
  }
  return points;
}

/** Parses a CAP circle ("lat,lon radiusKm"); null when malformed. */
export function parseCapCircle(text: string): GeoCircle | null {
  const [centre, radiusText, extra] = text.trim().split(/\s+/);
  if (!centre || radiusText === undefined || extra !== undefined) return null;
  const point = parsePair(centre);
  const radiusKm = Number(radiusText);
  if (!point || !Number.isFinite(radiusKm) || radiusKm < 0) return null;
  return { lon: point[0]!, lat: point[1]!, radiusKm };
}

/**
 * The box around the given polygons and circles, padded so the area shows with its surroundings
 * (at least `minSpanDeg` wide and high). Null when there is no geometry.
 */
export function boxAroundArea(polygons: Position[][], circles: GeoCircle[], minSpanDeg = 5): GeoBBox | null {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  const add = (lon: number, lat: number) => {
    west = Math.min(west, lon); east = Math.max(east, lon);
    south = Math.min(south, lat); north = Math.max(north, lat);
  };
  for (const ring of polygons) for (const p of ring) add(p[0]!, p[1]!);
  for (const c of circles) {
    const dLat = c.radiusKm / 111.32;
    const dLon = dLat / Math.max(0.1, Math.cos((c.lat * Math.PI) / 180));
    add(c.lon - dLon, c.lat - dLat);
    add(c.lon + dLon, c.lat + dLat);
  }
  if (!Number.isFinite(west)) return null;
  const padLon = Math.max((east - west) * 0.35, (minSpanDeg - (east - west)) / 2, 0.2);
  // A landscape box (about 5:3 on the ground), whatever the shape of the area.
  const lonSpanOnGround = (east - west + 2 * padLon) * Math.cos((((north + south) / 2) * Math.PI) / 180);
  const padLat = Math.max((north - south) * 0.35, (lonSpanOnGround * 0.6 - (north - south)) / 2, 0.2);
  return {
    west: Math.max(-180, west - padLon), east: Math.min(180, east + padLon),
    south: Math.max(-85, south - padLat), north: Math.min(85, north + padLat),
  };
}
