import type { Position } from 'geojson';
import { boxAroundArea, parseCapCircle, parseCapPolygon, type GeoCircle } from '../../lib/geo/cap-geometry';
import { createSvgProjection, loadSeeOutlines, projectRingsToSvgPath, projectToSvg, SEE_BBOX, type GeoBBox } from '../../lib/geo/see-outlines';
import { html, type SafeHtml } from './html';

/** Width of the map in SVG units (it scales to the page width). */
const MAP_WIDTH = 640;

function boxOfRings(rings: Position[][]): GeoBBox | null {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const ring of rings) {
    for (const p of ring) {
      west = Math.min(west, p[0]!); east = Math.max(east, p[0]!);
      south = Math.min(south, p[1]!); north = Math.max(north, p[1]!);
    }
  }
  return Number.isFinite(west) ? { west, south, east, north } : null;
}

/** The box of a country's outline in the region (for alerts without polygons or circles). */
async function countryBox(countryCode: string): Promise<GeoBBox | null> {
  const outlines = await loadSeeOutlines(SEE_BBOX);
  const country = outlines.features.find((f) => f.properties.code === countryCode);
  if (!country) return null;
  const rings = country.geometry.type === 'Polygon' ? country.geometry.coordinates : country.geometry.coordinates.flat();
  const box = boxOfRings(rings);
  if (!box) return null;
  const padLon = (box.east - box.west) * 0.15 + 0.3;
  const padLat = (box.north - box.south) * 0.15 + 0.3;
  return { west: box.west - padLon, east: box.east + padLon, south: box.south - padLat, north: box.north + padLat };
}

/**
 * The map of an alert's area as inline SVG: the country outlines around it (Natural Earth 1:50m)
 * with the alert's polygons and circles drawn in red. No tiles, no script, no network.
 */
export async function renderAlertAreaMap(area: { polygons: readonly string[]; circles: readonly string[] }, countryCode: string, label: string): Promise<SafeHtml> {
  const polygons = area.polygons.map(parseCapPolygon).filter((p): p is Position[] => p !== null);
  const circles = area.circles.map(parseCapCircle).filter((c): c is GeoCircle => c !== null);
  const box = boxAroundArea(polygons, circles) ?? (await countryBox(countryCode)) ?? SEE_BBOX;
  const projection = createSvgProjection(box, MAP_WIDTH);
  const outlines = await loadSeeOutlines(box);
  const land = outlines.features.map((f) => {
    const own = f.properties.code === countryCode;
    return html`<path d="${projectToSvg(f.geometry, projection)}" fill="${own ? '#f4efe1' : '#e9ecef'}" stroke="#868e96" stroke-width="${own ? 1.2 : 0.8}" fill-rule="evenodd"><title>${f.properties.name}</title></path>`;
  });
  const shapes = [
    ...polygons.map((ring) => html`<path d="${projectRingsToSvgPath([ring], projection)}" fill="#c92a2a" fill-opacity="0.25" stroke="#c92a2a" stroke-width="2"/>`),
    ...circles.map((c) => {
      const [cx, cy] = projection.project(c.lon, c.lat);
      const r = Math.max(3, Math.round(c.radiusKm * projection.unitsPerKm * 10) / 10);
      return html`<circle cx="${cx}" cy="${cy}" r="${r}" fill="#c92a2a" fill-opacity="0.25" stroke="#c92a2a" stroke-width="2"/><circle cx="${cx}" cy="${cy}" r="3" fill="#c92a2a"/>`;
    }),
  ];
  return html`<svg class="alert-map" viewBox="0 0 ${projection.width} ${projection.height}" width="${projection.width}" height="${projection.height}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg">
<title>${label}</title>
<rect width="100%" height="100%" fill="#d0e3f5"/>
${land}
${shapes}
</svg>`;
}
