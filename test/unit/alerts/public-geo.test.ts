import { describe, expect, it } from 'vitest';
import { boxAroundArea, parseCapCircle, parseCapPolygon } from '../../../src/lib/geo/cap-geometry';
import { clipRingToBox } from '../../../src/lib/geo/geo-clip';
import { createSvgProjection, loadSeeOutlines, projectToSvg, SEE_BBOX } from '../../../src/lib/geo/see-outlines';

describe('SEE outlines', () => {
  it('loads the countries of the region, clipped to the box, with ISO codes', async () => {
    const outlines = await loadSeeOutlines();
    const codes = outlines.features.map((f) => f.properties.code);
    for (const c of ['GR', 'BG', 'RO', 'RS', 'MK', 'AL', 'ME', 'BA', 'HR', 'SI', 'HU', 'MD', 'UA', 'TR', 'CY', 'XK']) expect(codes, c).toContain(c);
    expect(codes).not.toContain('US');
    expect(outlines.features.find((f) => f.properties.code === 'GR')!.properties.victor).toBe(true);
    for (const f of outlines.features) {
      for (const polygon of f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates]) {
        for (const ring of polygon) {
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [lon, lat] of ring) {
            expect(lon!).toBeGreaterThanOrEqual(SEE_BBOX.west - 1e-9);
            expect(lon!).toBeLessThanOrEqual(SEE_BBOX.east + 1e-9);
            expect(lat!).toBeGreaterThanOrEqual(SEE_BBOX.south - 1e-9);
            expect(lat!).toBeLessThanOrEqual(SEE_BBOX.north + 1e-9);
          }
        }
      }
    }
  });

  it('a smaller box keeps only the countries in it', async () => {
    const attica = await loadSeeOutlines({ west: 22.5, south: 37.5, east: 24.5, north: 38.5 });
    expect(attica.features.map((f) => f.properties.code)).toEqual(['GR']);
  });

  it('projects into the SVG box and to path data', async () => {
    const p = createSvgProjection(SEE_BBOX, 800);
    expect(p.project(SEE_BBOX.west, SEE_BBOX.north)).toEqual([0, 0]);
    const [x, y] = p.project(SEE_BBOX.east, SEE_BBOX.south);
    expect(x).toBeCloseTo(800, 0);
    expect(y).toBeCloseTo(p.height, 0);
    const greece = (await loadSeeOutlines()).features.find((f) => f.properties.code === 'GR')!;
    const d = projectToSvg(greece.geometry, p);
    expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(d.endsWith('Z')).toBe(true);
  });
});

describe('clipping and CAP geometry', () => {
  it('clips a ring to a box and drops rings outside it', () => {
    const box = { west: 0, south: 0, east: 10, north: 10 };
    const ring = [[-5, 5], [5, 5], [5, 15], [-5, 15], [-5, 5]];
    const clipped = clipRingToBox(ring, box);
    expect(clipped[0]).toEqual(clipped[clipped.length - 1]);
    for (const [lon, lat] of clipped) {
      expect(lon!).toBeGreaterThanOrEqual(0);
      expect(lat!).toBeLessThanOrEqual(10);
    }
    expect(clipRingToBox([[20, 20], [30, 20], [30, 30], [20, 20]], box)).toEqual([]);
  });

  it('parses CAP polygons and circles, refusing malformed ones', () => {
    expect(parseCapPolygon('38.0,23.7 38.1,23.7 38.1,23.8 38.0,23.7')).toEqual([[23.7, 38], [23.7, 38.1], [23.8, 38.1], [23.7, 38]]);
    expect(parseCapPolygon('38.0,23.7 nonsense')).toBeNull();
    expect(parseCapPolygon('95,23 38,23 38,24')).toBeNull();
    expect(parseCapCircle('46.77,23.59 25')).toEqual({ lat: 46.77, lon: 23.59, radiusKm: 25 });
    expect(parseCapCircle('46.77,23.59')).toBeNull();
    const box = boxAroundArea([], [{ lat: 46.77, lon: 23.59, radiusKm: 25 }])!;
    expect(box.west).toBeLessThan(23.59 - 0.3);
    expect(box.north).toBeGreaterThan(46.77 + 0.2);
    expect(boxAroundArea([], [])).toBeNull();
  });
});
