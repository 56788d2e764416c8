import { randomUUID } from 'node:crypto';
import type { Contract } from '@lib/contracts';
import type { EventStore } from '@lib/event-store';
import type { MessageBus } from '@lib/message-bus';
import { HttpClient, staffBearer as staff } from '../../../test/support/service-under-test';
import { agreementRequest } from './domain/client/client.fixtures';

/**
 * What the specs of intake's work after placement do over and over against one running
 * intake: onboard a client with an account, hand intake a message from another service,
 * and wait for its consumer (which runs in the background) to record the effect. Takes
 * the running service lazily: specs start it in `beforeAll`.
 */
export function accountsUnderTest(running: () => { http: HttpClient; bus: MessageBus; store: EventStore }) {
  /** A client with agreement version 1 (check held 10 days; fee 25.00 + 5% of the balance) and one placed account of 7,500.50 USD. */
  async function clientWithAccount(name: string) {
    const { http } = running();
    const { clientId } = (await http.post('/clients').set('authorization', staff('admin')).send({ name }).expect(201)).body;
    const { apiKey } = (await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).expect(201)).body;
    await http.post(`/clients/${clientId}/agreements`).set('authorization', staff('admin')).send(agreementRequest()).expect(201);
    const body = {
      clientReference: `${name}-1`,
      commercial: true,
      debtor: { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY' },
      invoices: [{ number: 'INV-1', issueDate: '2026-01-01', dueDate: '2026-01-31', originalAmount: 750_050, currency: 'USD' }],
    };
    const { accountId } = (await http.post('/placements').set('x-api-key', apiKey).send(body).expect(201)).body;
    return { clientId: clientId as string, apiKey: apiKey as string, accountId: accountId as string };
  }

  /** Another service's message about the account, as the bus delivers it. */
  async function publish<Data>(contract: Contract<Data>, accountId: string, value: Data): Promise<void> {
    const id = randomUUID();
    await running().bus.publish([{ topic: contract.topic, key: accountId, value, headers: { 'message-type': contract.type, 'message-id': id, 'correlation-id': `corr-${accountId}`, 'causation-id': id } }]);
  }

  const eventTypes = async (accountId: string) => (await running().store.readStream(`account-${accountId}`)).map((e) => e.type);

  /** Polls the account's stream until it holds at least `count` events of `type`. */
  async function noted(accountId: string, type: string, count = 1): Promise<void> {
    const countOf = async () => (await eventTypes(accountId)).filter((t) => t === type).length;
    for (let attempt = 0; attempt < 100 && (await countOf()) < count; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await countOf()).toBeGreaterThanOrEqual(count);
  }

  return { clientWithAccount, publish, eventTypes, noted };
}
