import { csvOf } from '../report-formats/csv';
import type { CollectorPerformanceView } from './collector-performance.view';

const HEADER = ['from', 'to', 'collector_id', 'contacts', 'right_party_contacts', 'promises_made', 'promises_kept', 'promises_broken', 'currency', 'collected'];

/**
 * One row per collector and currency collected in (a collector who collected nothing has
 * one row with an empty currency and 0), then the unattributed amounts, whose
 * `collector_id` is empty; amounts in minor units.
 */
export function collectorPerformanceCsv(view: CollectorPerformanceView): string {
  const rows = view.collectors.flatMap((c) => {
    const counts = [view.from, view.to, c.collectorId, c.contacts, c.rightPartyContacts, c.promisesMade, c.promisesKept, c.promisesBroken];
    return c.collected.length === 0 ? [[...counts, '', 0]] : c.collected.map((amount) => [...counts, amount.currency, amount.amount]);
  });
  const unattributed = view.unattributed.map((amount) => [view.from, view.to, '', 0, 0, 0, 0, 0, amount.currency, amount.amount]);
  return csvOf(HEADER, [...rows, ...unattributed]);
}
