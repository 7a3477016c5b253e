import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the bar chart and what it needs: the whole of ECharts would triple the bundle.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Bar colours with a contrast of at least 3:1 on white (WCAG 1.4.11); the legend names each series. */
const PALETTE = ['#0a55a0', '#00703c', '#6f2c91', '#a33c00', '#484949', '#b10e1e', '#005a70', '#7a5c00'];

export interface ChartSeries {
  name: string;
  /** One value per category; null for a hidden or missing figure (a gap, not a zero). */
  values: (number | null)[];
}

export interface StatsChartProps {
  /** What the chart shows, for screen readers; the table next to it holds every number. */
  label: string;
  categories: string[];
  series: ChartSeries[];
  format(value: number): string;
}

/**
 * A horizontal bar chart (long category names stay readable) drawn by ECharts on a canvas. To
 * assistive technology it is one image with a summary; the data table beside it is the accessible
 * form of the same figures.
 */
export function StatsChart({ label, categories, series, format }: StatsChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const height = Math.max(240, categories.length * (16 + 14 * series.length) + 80);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'canvas' });
    const option: ChartOption = {
      color: PALETTE,
      animation: false,
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: '#0b0c0c' } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => (typeof value === 'number' ? format(value) : '—'),
      },
      xAxis: {
        type: 'value',
        axisLabel: { color: '#0b0c0c', formatter: (value: number) => format(value) },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: categories,
        axisLabel: { color: '#0b0c0c', width: 220, overflow: 'break' },
      },
      series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values.map((v) => v ?? '-') })),
    };
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [categories, series, format]);

  return <div ref={ref} className="stats-chart" role="img" aria-label={label} style={{ height }} />;
}
