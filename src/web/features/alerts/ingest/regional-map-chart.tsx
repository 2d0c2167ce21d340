import { useEffect, useRef } from 'react';
import { Box } from '@mantine/core';
import { CustomChart, type CustomSeriesOption } from 'echarts/charts';
import { GeoComponent, LegendComponent, TooltipComponent, type GeoComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, registerMap, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { RegionalAlert } from './ingest-api';

use([CustomChart, GeoComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<CustomSeriesOption | GeoComponentOption | LegendComponentOption | TooltipComponentOption>;

/** The categories drawn (one legend entry each). */
export type MapCategory = 'victorAbduction' | 'victorEndangered' | 'ingested' | 'drill';

export const MAP_COLOURS: Record<MapCategory, string> = {
  victorAbduction: '#c92a2a',
  victorEndangered: '#d9480f',
  ingested: '#1864ab',
  drill: '#495057',
};

/** Which category an alert belongs to. */
export function categoryOf(alert: RegionalAlert): MapCategory {
  if (alert.drill) return 'drill';
  if (alert.origin === 'ingested') return 'ingested';
  return alert.tier === 'child_abduction' ? 'victorAbduction' : 'victorEndangered';
}

/** A circle as a ring of [lon, lat] points (so the projection draws it right). */
function circleRing(lat: number, lon: number, radiusKm: number, steps = 48): [number, number][] {
  const ring: [number, number][] = [];
  const r = Math.max(radiusKm, 1) / 6371;
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  for (let i = 0; i <= steps; i += 1) {
    const θ = (2 * Math.PI * i) / steps;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(r) + Math.cos(φ1) * Math.sin(r) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(r) * Math.cos(φ1), Math.cos(r) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI]);
  }
  return ring;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Shape {
  ring: [number, number][];
  alert: RegionalAlert;
}

interface RegionalMapChartProps {
  outlines: object;
  alerts: readonly RegionalAlert[];
  /** Legend names per category, in the interface language. */
  names: Record<MapCategory, string>;
  /** Tooltip text of an alert (plain text lines; escaped here). */
  describe: (alert: RegionalAlert) => string[];
  label: string;
  height?: number;
}

/**
 * Southeastern Europe with the live alerts drawn as areas (polygons, circles). An image to assistive
 * technology: the page lists the same alerts in a table.
 */
export function RegionalMapChart({ outlines, alerts, names, describe, label, height = 560 }: RegionalMapChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    registerMap('victor-see', outlines as Parameters<typeof registerMap>[1]);
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [outlines]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const byCategory = new Map<MapCategory, Shape[]>((Object.keys(MAP_COLOURS) as MapCategory[]).map((c) => [c, []]));
    for (const alert of alerts) {
      const shapes = byCategory.get(categoryOf(alert))!;
      for (const polygon of alert.geometry.polygons) shapes.push({ ring: polygon.map(([lat, lon]) => [lon, lat]), alert });
      for (const c of alert.geometry.circles) shapes.push({ ring: circleRing(c.lat, c.lon, c.radiusKm), alert });
    }
    const series: CustomSeriesOption[] = [...byCategory].map(([category, shapes]) => ({
      type: 'custom',
      name: names[category],
      coordinateSystem: 'geo',
      geoIndex: 0,
      data: shapes.map((_, i) => i),
      tooltip: {
        formatter: (params) => {
          const shape = shapes[(params as { dataIndex: number }).dataIndex];
          return shape ? describe(shape.alert).map(escapeHtml).join('<br/>') : '';
        },
      },
      renderItem: (params, api) => {
        const shape = shapes[params.dataIndex!];
        if (!shape) return null;
        const points = shape.ring.map((p) => api.coord(p));
        return {
          type: 'polygon',
          shape: { points },
          style: { fill: MAP_COLOURS[category], opacity: 0.45, stroke: MAP_COLOURS[category], lineWidth: 2 },
        };
      },
      color: MAP_COLOURS[category],
    }));
    const option: Option = {
      aria: { enabled: true, label: { description: label } },
      tooltip: { trigger: 'item', confine: true },
      legend: { bottom: 0, data: series.map((s) => s.name as string) },
      geo: {
        map: 'victor-see',
        roam: true,
        center: [21.8, 42.4],
        zoom: 2,
        itemStyle: { areaColor: '#f1f3f5', borderColor: '#868e96', borderWidth: 0.8 },
        emphasis: { itemStyle: { areaColor: '#e9ecef' }, label: { show: true, color: '#212529' } },
        label: { show: false },
        tooltip: { show: false },
      },
      series,
    };
    instance.setOption(option, true);
  }, [alerts, names, describe, label, outlines]);

  return <Box ref={container} h={height} w="100%" role="img" aria-label={label} data-testid="regional-map" />;
}
