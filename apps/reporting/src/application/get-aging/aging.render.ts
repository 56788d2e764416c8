import { minorUnitsOf } from '@lib/money';
import { AGING_BUCKETS } from '../../read-models/aging';
import { csvOf } from '../report-formats/csv';
import { barChart } from '../report-formats/svg-chart';
import type { AgingView, CurrencyAgingView } from './aging.view';

const HEADER = ['as_of', 'client_id', 'currency', 'bucket', 'min_days', 'max_days', 'amount', 'accounts'];

/**
 * One row per currency and bucket (amounts in minor units): for the agency, each client's
 * rows and then the agency's total rows, whose `client_id` is empty.
 */
export function agingCsv(view: AgingView): string {
  const rowsOf = (clientId: string, currencies: CurrencyAgingView[]) =>
    currencies.flatMap((c) => c.buckets.map((b) => [view.asOf, clientId, c.currency, b.bucket, b.minDays, b.maxDays, b.amount, b.accounts]));
  const perClient = view.clientId === null ? view.clients.flatMap((client) => rowsOf(client.clientId, client.currencies)) : [];
  return csvOf(HEADER, [...perClient, ...rowsOf(view.clientId ?? '', view.currencies)]);
}

/** Major units for people: a currency without known minor units is drawn in minor units. */
export const inMajorUnits = (minor: number, currency: string) => minor / 10 ** (minorUnitsOf(currency) ?? 0);

/** A bar chart of the buckets, one bar per currency in each, in major units. */
export function agingSvg(view: AgingView): string {
  return barChart({
    title: `Aging of open balances, ${view.clientId === null ? 'all clients' : `client ${view.clientId}`}, as of ${view.asOf}`,
    xLabel: 'Days past due',
    yLabel: 'Open balance (major units of each currency)',
    categories: AGING_BUCKETS.map((b) => b.bucket),
    series: view.currencies.map((c) => ({ name: c.currency, values: c.buckets.map((b) => inMajorUnits(b.amount, c.currency)) })),
  });
}
