import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { clipRingToBox, type GeoBBox } from './geo-clip';

export type { GeoBBox } from './geo-clip';

/**
 * Country outlines of Southeastern Europe for server-rendered maps (public alert pages, the
 * console's regional map). Source: Natural Earth 1:50m via the npm package `world-atlas`
 * (TopoJSON, converted with `topojson-client`). No tiles, no network: the file ships in
 * node_modules and is read once per process.
 */

/** Longitude/latitude box of the region: Slovenia to eastern Türkiye, Cyprus to northern Ukraine. */
export const SEE_BBOX: GeoBBox = { west: 12, south: 34, east: 45, north: 52.5 };

/** Properties of one outline. `code` is ISO 3166-1 alpha-2 when known (Kosovo: XK). */
export interface SeeCountryProps {
  code: string | null;
  name: string;
  /** One of the countries Victor works with (seeded `countries` table). */
  victor: boolean;
}

export type SeeOutline = Feature<Polygon | MultiPolygon, SeeCountryProps>;
export type SeeOutlines = FeatureCollection<Polygon | MultiPolygon, SeeCountryProps>;

/** ISO 3166 numeric (as in Natural Earth / world-atlas ids) → alpha-2, for the region and its neighbours. */
const NUMERIC_TO_ALPHA2: Record<string, string> = {
  '008': 'AL', '040': 'AT', '070': 'BA', '100': 'BG', '112': 'BY', '191': 'HR', '196': 'CY', '203': 'CZ',
  '268': 'GE', '276': 'DE', '300': 'GR', '348': 'HU', '380': 'IT', '376': 'IL', '368': 'IQ', '400': 'JO',
  '422': 'LB', '434': 'LY', '440': 'LT', '498': 'MD', '499': 'ME', '807': 'MK', '616': 'PL', '642': 'RO',
  '643': 'RU', '688': 'RS', '703': 'SK', '705': 'SI', '756': 'CH', '760': 'SY', '792': 'TR', '804': 'UA',
  '818': 'EG', '051': 'AM', '031': 'AZ', '364': 'IR', '674': 'SM', '336': 'VA', '470': 'MT', '788': 'TN',
  '012': 'DZ', '428': 'LV', '233': 'EE', '208': 'DK', '752': 'SE', '578': 'NO', '246': 'FI', '250': 'FR',
  '438': 'LI', '492': 'MC', '020': 'AD', '724': 'ES', '528': 'NL', '056': 'BE', '442': 'LU',
};

/** Countries Victor works with (kept in step with src/db/seed/network.data.ts). */
const VICTOR_COUNTRIES = new Set(['AL', 'BA', 'BG', 'HR', 'CY', 'GR', 'HU', 'MD', 'ME', 'MK', 'RO', 'RS', 'SI', 'TR', 'UA', 'XK']);

let worldPromise: Promise<SeeOutline[]> | null = null;

async function loadWorld(): Promise<SeeOutline[]> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(await readFile(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon | null, { name: string }>;
  const out: SeeOutline[] = [];
  for (const f of collection.features) {
    if (!f.geometry) continue;
    const name = f.properties?.name ?? '';
    const id = f.id === undefined ? '' : String(f.id);
    const code = name === 'Kosovo' ? 'XK' : (NUMERIC_TO_ALPHA2[id] ?? null);
    out.push({ type: 'Feature', id: code ?? (id || name), properties: { code, name, victor: code !== null && VICTOR_COUNTRIES.has(code) }, geometry: f.geometry });
  }
  return out;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function clipGeometry(geometry: Polygon | MultiPolygon, box: GeoBBox): MultiPolygon | null {
  const polygons: Position[][][] = [];
  for (const polygon of polygonsOf(geometry)) {
    const rings: Position[][] = [];
    for (const [index, ring] of polygon.entries()) {
      const clipped = clipRingToBox(ring, box);
      if (clipped.length >= 4) rings.push(clipped);
      else if (index === 0) break; // outer ring outside the box: drop its holes too
    }
    if (rings.length > 0) polygons.push(rings);
  }
  return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

/**
 * Loads the country outlines clipped to a box (default: the whole SEE region). Geometries come
 * back as MultiPolygons whose rings are closed and lie inside the box. The world file is read once
 * per process; each call clips a fresh copy, so callers may keep or change the result.
 */
export async function loadSeeOutlines(box: GeoBBox = SEE_BBOX): Promise<SeeOutlines> {
  worldPromise ??= loadWorld().catch((error: unknown) => {
    worldPromise = null;
    throw error;
  });
  const world = await worldPromise;
  const features: SeeOutline[] = [];
  for (const f of world) {
    const geometry = clipGeometry(f.geometry, box);
    if (geometry) features.push({ type: 'Feature', id: f.id, properties: { ...f.properties }, geometry });
  }
  return { type: 'FeatureCollection', features };
}

export { createSvgProjection, projectToSvg, projectRingsToSvgPath, type SvgProjection } from './svg-projection';
