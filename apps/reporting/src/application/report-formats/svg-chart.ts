/**
 * Charts as hand-written SVG, for reports a person would rather look at than read: a
 * title, axes with ticks and labels, and a legend. No dependency; every text is escaped.
 */

export interface ChartSeries {
  name: string;
  values: number[];
}

interface Frame {
  title: string;
  xLabel: string;
  yLabel: string;
}

const WIDTH = 880;
const HEIGHT = 500;
const PLOT = { left: 90, right: 680, top: 60, bottom: 420 };
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

export const colourOf = (index: number) => PALETTE[index % PALETTE.length];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Tick values from 0 to at least `max`, about five, on a 1-2-5 step. */
export function ticksUpTo(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough)!;
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

const num = (value: number) => Number(value.toFixed(2)).toString();
const text = (x: number, y: number, content: string, attributes = '') => `<text x="${num(x)}" y="${num(y)}"${attributes ? ` ${attributes}` : ''}>${escapeXml(content)}</text>`;

function frame({ title, xLabel, yLabel }: Frame, ticks: number[], formatTick: (value: number) => string, body: string[], legend: string[]): string {
  const top = ticks[ticks.length - 1];
  const y = (value: number) => PLOT.bottom - (value / top) * (PLOT.bottom - PLOT.top);
  const grid = ticks.flatMap((tick) => [
    `<line x1="${PLOT.left}" y1="${num(y(tick))}" x2="${PLOT.right}" y2="${num(y(tick))}" stroke="#e0e0e0"/>`,
    text(PLOT.left - 8, y(tick) + 4, formatTick(tick), 'text-anchor="end"'),
  ]);
  const legendItems = legend.map((name, index) => {
    const ly = PLOT.top + index * 22;
    return `<rect x="${PLOT.right + 24}" y="${ly}" width="14" height="14" fill="${colourOf(index)}"/>${text(PLOT.right + 44, ly + 12, name)}`;
  });
  // A long legend (many cohorts) makes the picture taller rather than run off its edge.
  const height = Math.max(HEIGHT, PLOT.top + legend.length * 22 + 20);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(WIDTH / 2, 30, title, 'text-anchor="middle" font-size="18" font-weight="bold"'),
    `<g class="grid">${grid.join('')}</g>`,
    `<g class="data">${body.join('')}</g>`,
    `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="#333"/>`,
    `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}" stroke="#333"/>`,
    text((PLOT.left + PLOT.right) / 2, HEIGHT - 30, xLabel, 'text-anchor="middle" class="x-label"'),
    text(20, (PLOT.top + PLOT.bottom) / 2, yLabel, `text-anchor="middle" transform="rotate(-90 20 ${(PLOT.top + PLOT.bottom) / 2})" class="y-label"`),
    `<g class="legend">${legendItems.length > 0 ? legendItems.join('') : text(PLOT.right + 24, PLOT.top + 12, 'No data')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}

/** Grouped bars: one group per category along x, one bar per series in each group. */
export function barChart(options: Frame & { categories: string[]; series: ChartSeries[]; formatValue?: (value: number) => string }): string {
  const { categories, series } = options;
  const ticks = ticksUpTo(Math.max(0, ...series.flatMap((s) => s.values)));
  const top = ticks[ticks.length - 1];
  const groupWidth = (PLOT.right - PLOT.left) / Math.max(categories.length, 1);
  const barWidth = (groupWidth * 0.8) / Math.max(series.length, 1);
  const body = categories.flatMap((category, c) => {
    const groupLeft = PLOT.left + c * groupWidth + groupWidth * 0.1;
    const bars = series.map((s, i) => {
      const value = Math.max(0, s.values[c] ?? 0);
      const height = (value / top) * (PLOT.bottom - PLOT.top);
      return `<rect x="${num(groupLeft + i * barWidth)}" y="${num(PLOT.bottom - height)}" width="${num(barWidth)}" height="${num(height)}" fill="${colourOf(i)}"><title>${escapeXml(`${s.name} ${category}: ${(options.formatValue ?? String)(value)}`)}</title></rect>`;
    });
    return [...bars, text(PLOT.left + c * groupWidth + groupWidth / 2, PLOT.bottom + 18, category, 'text-anchor="middle"')];
  });
  return frame(options, ticks, options.formatValue ?? ((value) => String(value)), body, series.map((s) => s.name));
}

/** Lines over x = 1, 2, 3 ...: one line per series, a dot at each point. */
export function lineChart(options: Frame & { series: ChartSeries[]; formatY?: (value: number) => string; xTickLabel?: (x: number) => string }): string {
  const { series } = options;
  const points = Math.max(1, ...series.map((s) => s.values.length));
  const ticks = ticksUpTo(Math.max(0, ...series.flatMap((s) => s.values)));
  const top = ticks[ticks.length - 1];
  const x = (index: number) => PLOT.left + ((index + 0.5) / points) * (PLOT.right - PLOT.left);
  const y = (value: number) => PLOT.bottom - (Math.max(0, value) / top) * (PLOT.bottom - PLOT.top);
  const xTicks = Array.from({ length: points }, (_, index) => text(x(index), PLOT.bottom + 18, (options.xTickLabel ?? String)(index + 1), 'text-anchor="middle"'));
  const lines = series.flatMap((s, i) => [
    `<polyline fill="none" stroke="${colourOf(i)}" stroke-width="2" points="${s.values.map((value, index) => `${num(x(index))},${num(y(value))}`).join(' ')}"/>`,
    ...s.values.map((value, index) => `<circle cx="${num(x(index))}" cy="${num(y(value))}" r="3" fill="${colourOf(i)}"><title>${escapeXml(`${s.name}, ${index + 1}: ${(options.formatY ?? String)(value)}`)}</title></circle>`),
  ]);
  return frame(options, ticks, options.formatY ?? ((value) => String(value)), [...xTicks, ...lines], series.map((s) => s.name));
}
