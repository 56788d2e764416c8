/**
 * Journey 13: a client places a CSV file of good and bad rows through the typed creditor
 * client (libs/creditor-client, what the command-line tool uses). The upload is answered
 * 202 at once; the batch's result lists an account id for every good row and every
 * problem of every bad row; the good accounts reach reporting, the bad ones nowhere.
 */
import { creditorClient, RowResult } from '@lib/creditor-client';
import { Deployment } from './deployment';
import { as, call, eventually, onboardClient } from './journeys';

const HEADER = 'clientReference,commercial,debtorKind,debtorLegalName,debtorCountry,invoiceNumber,issueDate,dueDate,originalAmount,currency';

export async function journeyBulkFileWithBadRows(d: Deployment, reference: string): Promise<void> {
  const client = await onboardClient(d, `Bulk Journey ${reference}`);
  const creditor = creditorClient({ baseUrl: d.url('client-intake'), apiKey: client.apiKey });
  const good = (n: number) => `${reference}-${n},true,company,"Widgets ${n}, Inc.",US,INV-${n},2025-10-16,2025-11-15,${100_000 * n},USD`;
  const file = [
    HEADER,
    good(1),
    // Three problems in one row: not a whole number of cents, a lower-case currency, an unknown country.
    `${reference}-2,true,company,Widgets 2,XX,INV-2,2025-10-16,2025-11-15,12.50,usd`,
    good(3),
    // Not yet due on the day it is placed.
    `${reference}-4,true,company,Widgets 4,US,INV-4,2025-10-16,2099-12-31,400000,USD`,
    'too,few,cells',
    good(6),
  ].join('\n');

  const accepted = await creditor.placeBatch(file, 'csv', `bulk-${reference}`);
  expect(accepted).toMatchObject({ batchId: expect.any(String), received: 6, status: 'accepted' });
  const retried = await creditor.placeBatch(file, 'csv', `bulk-${reference}`);
  expect(retried.batchId).toBe(accepted.batchId);

  const status = await eventually('the batch completed', async () => {
    const answer = await creditor.batchStatus(accepted.batchId);
    return answer.status === 'completed' ? answer : undefined;
  });
  expect(status).toMatchObject({ clientId: client.clientId, format: 'csv', received: 6, placed: 3, alreadyPlaced: 0, refused: 3, pending: 0 });

  const results: RowResult[] = [];
  for await (const result of creditor.batchResults(accepted.batchId)) results.push(result);
  expect(results.map((result) => [result.row, result.outcome])).toEqual([
    [1, 'placed'],
    [2, 'refused'],
    [3, 'placed'],
    [4, 'refused'],
    [5, 'refused'],
    [6, 'placed'],
  ]);
  const fieldsOf = (result: RowResult) => [...new Set((result.problems ?? []).map((problem) => problem.field))].sort();
  expect(fieldsOf(results[1])).toEqual(['currency', 'debtorCountry', 'originalAmount']);
  expect(fieldsOf(results[3])).toEqual(['dueDate']);
  expect(results[3].problems?.[0].reason).toMatch(/INV-4.*2099-12-31/);
  expect(results[4].problems).toEqual([{ field: 'row', reason: 'the row has 3 cells, the header 10' }]);

  const placed = results.filter((result) => result.outcome === 'placed');
  expect(placed.map((result) => result.clientReference)).toEqual([1, 3, 6].map((n) => `${reference}-${n}`));
  for (const result of placed) {
    const account = await creditor.api.GET('/accounts/{accountId}', { params: { path: { accountId: result.accountId! } } });
    expect(account.data).toMatchObject({ accountId: result.accountId, clientReference: result.clientReference });
  }

  const apiKey = as.client(client.apiKey);
  for (const result of placed) {
    await eventually(`account ${result.clientReference} in reporting`, async () => {
      const summary = await call(d, 'reporting', 'GET', `/reports/accounts/${result.accountId}`, { as: apiKey });
      return summary.status === 200 ? summary.body : undefined;
    });
  }
  const portfolio = await eventually('the three good accounts in the portfolio', async () => {
    const answer = await call(d, 'reporting', 'GET', `/reports/portfolio/${client.clientId}`, { as: apiKey });
    return answer.status === 200 && answer.body.placedCount === 3 ? answer.body : undefined;
  });
  expect(portfolio).toMatchObject({ placedCount: 3, placedAmount: 1_000_000 });
}
