import { csvOf } from './csv';
import { barChart, escapeXml, lineChart, ticksUpTo } from './svg-chart';

describe('report formats', () => {
  it('writes RFC 4180 CSV: quoted fields where needed, quotes doubled, CRLF rows, empty for null', () => {
    expect(csvOf(['a', 'b'], [['x,y', 'say "hi"'], [1, null]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n1,\r\n');
  });

  it('picks about five ticks on a 1-2-5 step reaching the largest value', () => {
    expect(ticksUpTo(0)).toEqual([0, 1]);
    expect(ticksUpTo(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticksUpTo(730)).toEqual([0, 200, 400, 600, 800]);
    expect(ticksUpTo(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('draws a bar per series and category, with title, axis labels and a legend, all text escaped', () => {
    const svg = barChart({ title: 'Aging <A&B>', xLabel: 'Days past due', yLabel: 'Open balance', categories: ['0-30', '31-60'], series: [{ name: 'USD', values: [100, 50] }, { name: 'EUR', values: [0, 20] }] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>Aging &lt;A&amp;B&gt;</title>');
    expect(svg).toContain('>Days past due</text>');
    expect(svg).toContain('>Open balance</text>');
    expect(svg.match(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="#[0-9a-f]{6}"><title>/g)).toHaveLength(4);
    expect(svg).toContain('>USD</text>');
    expect(svg).toContain('>EUR</text>');
    // The tallest bar reaches the top tick (100 of 100): the full plot height, 360.
    expect(svg).toContain('height="360"');
    expect(escapeXml(`"'`)).toBe('&quot;&apos;');
  });

  it('draws one line per series with a dot per point, and says so when there is nothing to draw', () => {
    const svg = lineChart({ title: 'Liquidation', xLabel: 'Months since placement', yLabel: 'Collected (%)', series: [{ name: '2026-01 USD', values: [10, 30, 60] }] });
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain('>2026-01 USD</text>');
    expect(lineChart({ title: 'Liquidation', xLabel: 'x', yLabel: 'y', series: [] })).toContain('>No data</text>');
    // Thirty cohorts: the legend needs 60 + 30 × 22 + 20 = 740 pixels, so the picture grows to hold it.
    const many = lineChart({ title: 'Liquidation', xLabel: 'x', yLabel: 'y', series: Array.from({ length: 30 }, (_, i) => ({ name: `cohort ${i}`, values: [i] })) });
    expect(many).toContain('height="740" viewBox="0 0 880 740"');
  });
});
