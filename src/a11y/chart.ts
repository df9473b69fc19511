/**
 * The meters' line chart on the visible layer, drawn as inline SVG from the same series the canvas
 * chart draws (ui/chart.ts). Each line has its own colour and dash pattern, so lines differ without
 * colour; a legend under the chart shows each pattern with the meter's name. The chart scales with the
 * layer's width (viewBox, width 100%). Built with DOM calls and textContent only: a meter's name from
 * a scenario is never parsed as markup.
 */
import type { ScreenChart } from '../platform/screenModel.ts';
import { seriesColours } from '../ui/theme.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** The drawing's own units: the text sizes below are in them, so the chart keeps its proportions at every width. */
const WIDTH = 520;
const HEIGHT = 320;
const PLOT = { left: 52, top: 16, right: WIDTH - 14, bottom: HEIGHT - 58 };
/** Room a turn's number needs beside the start's label (centred under the first point) and the last turn's. */
const TICK_ROOM = 52;
/** Every line a different dash, in the order of the colours: the second meter is told from the first without colour. */
const DASHES = ['', '14 8', '3 6', '18 6 3 6', '8 8', '24 6', '3 6 3 6 12 6', '10 4 2 4'];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Hundredths of a unit are finer than any screen shows; the attribute stays short. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function hex(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** One meter's line style: its colour (at least 3:1 on the card) and dash. */
function style(index: number): { stroke: string; dash: string } {
  return { stroke: hex(seriesColours[index % seriesColours.length]!), dash: DASHES[index % DASHES.length]! };
}

/** The chart and its legend; `describedBy` is the id of the chart's course in words. */
export function chartNode(chart: ScreenChart, describedBy: string | undefined): HTMLElement {
  const figure = document.createElement('div');
  figure.className = 'mm-chart';
  const picture = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', role: 'img', 'aria-label': chart.name, class: 'mm-chart-svg' });
  if (describedBy) picture.setAttribute('aria-describedby', describedBy);
  const points = Math.max(2, ...chart.meters.map((m) => m.values.length));
  const xAt = (i: number) => PLOT.left + ((PLOT.right - PLOT.left) * i) / (points - 1);
  const height = PLOT.bottom - PLOT.top;
  // The value axis: labelled where every meter has the same range (as on the canvas), else only lines.
  const same = chart.meters.every((m) => m.min === chart.meters[0]?.min && m.max === chart.meters[0]?.max);
  for (let i = 0; i <= 4; i++) {
    const y = PLOT.top + (height * i) / 4;
    const grid = svg('line', { x1: PLOT.left, x2: PLOT.right, y1: y, y2: y, class: i === 4 ? 'mm-chart-axis' : 'mm-chart-grid' });
    picture.append(grid);
    if (same && chart.meters[0]) {
      const { min, max } = chart.meters[0];
      const value = String(Math.round(max - ((max - min) * i) / 4));
      grid.dataset.value = value;
      picture.append(svg('text', { x: PLOT.left - 8, y: y + 8, 'text-anchor': 'end', class: 'mm-chart-label' }, value));
    }
  }
  // The turns along the bottom: the start, each turn as far as they fit, and the last.
  const every = Math.max(1, Math.ceil((points - 1) / 8));
  for (let i = 0; i < points; i++) {
    if (i !== 0 && i !== points - 1 && (i % every !== 0 || xAt(i) - PLOT.left < TICK_ROOM || PLOT.right - xAt(i) < 36)) continue;
    picture.append(svg('text', { x: xAt(i), y: PLOT.bottom + 28, 'text-anchor': i === points - 1 ? 'end' : 'middle', class: 'mm-chart-label', 'data-turn': i }, i === 0 ? chart.start : String(i)));
  }
  picture.append(svg('text', { x: (PLOT.left + PLOT.right) / 2, y: HEIGHT - 4, 'text-anchor': 'middle', class: 'mm-chart-label' }, chart.unit));
  chart.meters.forEach((meter, m) => {
    const { stroke, dash } = style(m);
    const yAt = (v: number) => PLOT.bottom - (height * (v - meter.min)) / (meter.max - meter.min || 1);
    const line = svg('polyline', { points: meter.values.map((v, i) => `${round(xAt(i))},${round(yAt(v))}`).join(' '), fill: 'none', stroke, 'stroke-width': 4, 'stroke-linejoin': 'round', 'stroke-linecap': 'round', 'data-meter': meter.id, class: 'mm-chart-line' });
    if (dash) line.setAttribute('stroke-dasharray', dash);
    picture.append(line);
    const last = meter.values.length - 1;
    if (last >= 0) picture.append(svg('circle', { cx: xAt(last), cy: yAt(meter.values[last]!), r: 6, fill: stroke }));
  });
  // The legend: each line's pattern beside its name, in the layer's own (reflowing) text.
  const legend = document.createElement('ul');
  legend.className = 'mm-chart-legend';
  legend.setAttribute('aria-hidden', 'true');
  chart.meters.forEach((meter, m) => {
    const { stroke, dash } = style(m);
    const item = document.createElement('li');
    const sample = svg('svg', { viewBox: '0 0 48 12', class: 'mm-chart-sample' });
    const line = svg('line', { x1: 2, x2: 46, y1: 6, y2: 6, stroke, 'stroke-width': 4, 'stroke-linecap': 'round' });
    if (dash) line.setAttribute('stroke-dasharray', dash);
    sample.append(line);
    const name = document.createElement('span');
    name.textContent = meter.label;
    item.append(sample, name);
    legend.append(item);
  });
  figure.append(picture, legend);
  return figure;
}
