/**
 * The charts, with Apache ECharts (canvas renderer; only the charts and
 * components used are bundled). Colours for a dark wall screen; every label in
 * Chinese with English beside it.
 */
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart, type BarSeriesOption, type GraphSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Breakdown, PeriodStats } from './api';
import { CATEGORY, labelOf, numberFormat } from './labels';

echarts.use([BarChart, LineChart, GraphChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GraphSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export const FONT =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif';

const TEXT = '#dce7f5';
const MUTED = '#8fa6c4';
const GRID_LINE = 'rgba(143, 166, 196, 0.18)';
export const COLORS = { posted: '#4fc3f7', completed: '#7bd88f', hours: '#ffb74d', beneficiaries: '#f48fb1', link: '#5c7fa8' };

const SERIES_NAMES = {
  posted: '发布 Posted',
  completed: '完成 Completed',
  hours: '服务时长 Hours',
};

function base(): Option {
  return {
    backgroundColor: 'transparent',
    textStyle: { fontFamily: FONT, color: TEXT, fontSize: 14 },
    animationDuration: 400,
    aria: { enabled: true },
    // Names come from the API (anyone may name an association): tooltips are
    // drawn as canvas text, never as HTML.
    tooltip: {
      renderMode: 'richText',
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: '#0f2440',
      borderColor: '#2b4a70',
      textStyle: { color: TEXT, fontFamily: FONT },
    },
    legend: { top: 0, right: 8, textStyle: { color: MUTED, fontSize: 13 }, itemWidth: 14, itemHeight: 10 },
  };
}

const valueAxis = {
  type: 'value' as const,
  minInterval: 1,
  axisLabel: { color: MUTED, formatter: (value: number) => numberFormat.format(value) },
  splitLine: { lineStyle: { color: GRID_LINE } },
};

function barSeries(name: string, color: string, values: number[], stack?: string): BarSeriesOption {
  return { type: 'bar', name, data: values, itemStyle: { color, borderRadius: 3 }, barMaxWidth: 28, stack };
}

/** A chart in `element`, resized with it (and `onResize` called after). */
export function createChart(element: HTMLElement, onResize?: () => void): echarts.ECharts {
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  new ResizeObserver(() => {
    chart.resize();
    onResize?.();
  }).observe(element);
  return chart;
}

/** Requests posted and completed per category, horizontal bars, in the API's order (the enum's). */
export function categoryOption(rows: PeriodStats['byCategory']): Option {
  const labels = rows.map((row) => {
    const label = labelOf(CATEGORY, row.category);
    return `${label.zh} ${label.en}`;
  });
  return {
    ...base(),
    grid: { left: 8, right: 24, top: 32, bottom: 8 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { color: TEXT, fontSize: 13 }, axisTick: { show: false } },
    xAxis: valueAxis,
    series: [
      barSeries(
        SERIES_NAMES.posted,
        COLORS.posted,
        rows.map((row) => row.requestsPosted),
      ),
      barSeries(
        SERIES_NAMES.completed,
        COLORS.completed,
        rows.map((row) => row.requestsCompleted),
      ),
    ],
  };
}

/** Requests posted and completed per township. */
export function townshipOption(rows: PeriodStats['byTownship']): Option {
  return {
    ...base(),
    grid: { left: 8, right: 16, top: 32, bottom: 8 },
    xAxis: { type: 'category', data: rows.map((row) => row.township), axisLabel: { color: TEXT, fontSize: 14 }, axisTick: { show: false } },
    yAxis: valueAxis,
    series: [
      barSeries(
        SERIES_NAMES.posted,
        COLORS.posted,
        rows.map((row) => row.requestsPosted),
      ),
      barSeries(
        SERIES_NAMES.completed,
        COLORS.completed,
        rows.map((row) => row.requestsCompleted),
      ),
    ],
  };
}

/** `month` YYYY-MM as the axis shows it: 7月 on top, the year below on January and on the first month. */
function monthLabel(month: string, index: number): string {
  const [year, number] = month.split('-');
  return index === 0 || number === '01' ? `${Number(number)}月\n${year}` : `${Number(number)}月`;
}

/** Posted and completed per month (bars) and volunteer hours (line, right axis), every month of the trend shown. */
export function trendOption(months: string[], rows: Map<string, Breakdown>): Option {
  const at = (month: string) => rows.get(month) ?? { requestsPosted: 0, requestsCompleted: 0, beneficiaries: 0, volunteerHours: 0 };
  return {
    ...base(),
    legend: { top: 0, left: 'center', textStyle: { color: MUTED, fontSize: 13 }, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 8, top: 52, bottom: 8 },
    xAxis: {
      type: 'category',
      data: months,
      axisLabel: { color: TEXT, fontSize: 13, formatter: monthLabel },
      axisTick: { show: false },
    },
    yAxis: [
      { ...valueAxis, name: '求助 Requests', nameTextStyle: { color: MUTED, align: 'left' } },
      {
        ...valueAxis,
        name: '小时 Hours',
        nameTextStyle: { color: MUTED, align: 'right' },
        splitLine: { show: false },
        minInterval: undefined,
      },
    ],
    series: [
      barSeries(
        SERIES_NAMES.posted,
        COLORS.posted,
        months.map((month) => at(month).requestsPosted),
      ),
      barSeries(
        SERIES_NAMES.completed,
        COLORS.completed,
        months.map((month) => at(month).requestsCompleted),
      ),
      {
        type: 'line',
        name: SERIES_NAMES.hours,
        yAxisIndex: 1,
        data: months.map((month) => at(month).volunteerHours),
        itemStyle: { color: COLORS.hours },
        lineStyle: { width: 3 },
        symbolSize: 7,
        smooth: true,
      },
    ],
  };
}

/** Room for the associations' names beside the circle. */
const LABEL_ROOM = 110;

/**
 * Who helps whom: an arrow from helper to helped, as thick as their claims are
 * many. The associations sit on a circle, busiest first from the top, in an
 * order that does not change between refreshes of the same data, with their
 * names outside the circle.
 */
export function networkOption(links: PeriodStats['collaborations'], size: { width: number; height: number }): Option {
  const weight = new Map<string, { name: string; claims: number }>();
  for (const link of links) {
    for (const end of [link.helper, link.helped]) {
      const node = weight.get(end.id) ?? { name: end.name, claims: 0 };
      node.claims += link.claims;
      weight.set(end.id, node);
    }
  }
  const nodes = [...weight].sort(([, a], [, b]) => b.claims - a.claims || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const most = Math.max(1, ...links.map((link) => link.claims));
  const heaviest = Math.max(1, ...nodes.map(([, node]) => node.claims));
  const place = (index: number): { x: number; y: number; position: 'left' | 'right' } => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / nodes.length;
    const x = Math.cos(angle);
    const y = Math.sin(angle);
    return { x: 100 * x, y: 100 * y, position: x < -0.01 ? 'left' : 'right' };
  };
  // A square box in the middle, names left and right of it: the circle stays round.
  const side = Math.max(80, Math.min(size.width - 2 * LABEL_ROOM, size.height - 48));
  return {
    ...base(),
    legend: undefined,
    tooltip: {
      renderMode: 'richText',
      trigger: 'item',
      backgroundColor: '#0f2440',
      borderColor: '#2b4a70',
      textStyle: { color: TEXT, fontFamily: FONT },
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        left: (size.width - side) / 2,
        top: (size.height - side) / 2,
        width: side,
        height: side,
        roam: false,
        label: { show: true, color: TEXT, fontSize: 13, fontFamily: FONT, width: LABEL_ROOM - 12, overflow: 'truncate' },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 9,
        emphasis: { focus: 'adjacency', lineStyle: { width: 6 } },
        data: nodes.map(([id, node], index) => {
          const { x, y, position } = place(index);
          return {
            id,
            name: node.name,
            value: node.claims,
            x,
            y,
            symbolSize: 14 + (26 * node.claims) / heaviest,
            itemStyle: { color: COLORS.posted },
            label: { position },
          };
        }),
        links: links.map((link) => ({
          source: link.helper.id,
          target: link.helped.id,
          value: link.claims,
          lineStyle: { width: 1 + (5 * link.claims) / most, color: COLORS.link, curveness: 0.2, opacity: 0.9 },
          tooltip: { formatter: `${link.helper.name} → ${link.helped.name}：${numberFormat.format(link.claims)} 次认领 claims` },
        })),
      },
    ],
  };
}
