import { useEffect, useRef } from 'react';
import { Box } from '@mantine/core';
import { BarChart as EchartsBar, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the pieces the bar charts use: keeps ECharts' share of the (lazy) chart chunks small.
use([EchartsBar, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** One series of bars: its name (legend), one value per category, and its colour. */
export interface BarSeries {
  name: string;
  values: readonly number[];
  color: string;
  /** Series with the same stack name are drawn on top of each other. */
  stack?: string;
}

interface BarChartProps {
  /** The categories along the x axis. */
  categories: readonly string[];
  series: readonly BarSeries[];
  /** What the chart shows, read by screen readers (the data itself is in a table next to it). */
  label: string;
  height?: number;
  testId?: string;
}

/**
 * A bar chart drawn by ECharts (SVG). The chart is an image to assistive technology: pages show the
 * same figures in a table next to it.
 */
export function BarChart({ categories, series, label, height = 300, testId }: BarChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: '#212529' } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: [...categories], axisLabel: { color: '#212529', interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#212529' } },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: [...s.values], itemStyle: { color: s.color }, stack: s.stack, barMaxWidth: 36 })),
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [categories, series]);

  return <Box ref={container} role="img" aria-label={label} h={height} w="100%" data-testid={testId} />;
}
