import { csvOf } from '../report-formats/csv';
import { lineChart } from '../report-formats/svg-chart';
import type { LiquidationView } from './liquidation.view';

const HEADER = ['as_of', 'client_id', 'cohort', 'currency', 'accounts', 'placed_amount', 'months', 'collected', 'share_bp'];

/** One row per cohort and month (amounts in minor units); `client_id` empty for the agency. */
export function liquidationCsv(view: LiquidationView): string {
  return csvOf(
    HEADER,
    view.cohorts.flatMap((c) => c.points.map((p) => [view.asOf, view.clientId ?? '', c.month, c.currency, c.accounts, c.placedAmount, p.months, p.collected, p.shareBp])),
  );
}

/** One stair-step line per cohort: percent of the placed amount collected by months since placement. */
export function liquidationSvg(view: LiquidationView): string {
  return lineChart({
    title: `Liquidation by placement month, ${view.clientId === null ? 'all clients' : `client ${view.clientId}`}, as of ${view.asOf}`,
    xLabel: 'Months since placement (the placement month is 1)',
    yLabel: 'Collected (% of placed)',
    series: view.cohorts.map((c) => ({ name: `${c.month} ${c.currency}`, values: c.points.map((p) => p.shareBp / 100) })),
    formatY: (value) => `${value}%`,
  });
}
