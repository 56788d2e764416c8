import { randomUUID } from 'node:crypto';
import { AccountPlaced, AccountPlacedV2, AUDIT_EVENTS, CONTACT_CASES, Contract, DebtorUpdated, DebtorUpdatedV1 } from '@lib/contracts';
import { IncomingMessage, MessageBus } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { DebtorContactModule } from './debtor-contact.module';

const WAIT = { timeoutMs: 5_000 };
/** Monday 2026-01-05, 10:00 in New York: inside the call window. */
const MONDAY_10_NEW_YORK = '2026-01-05T15:00:00.000Z';
const DEBTOR = { kind: 'company', legalName: 'Acme Widgets LLC', country: 'US', region: 'NY', taxId: null, addresses: [], emails: [] };

describe("debtor contact hears intake's debtor updates (PGlite event store, in-process bus)", () => {
  let bus: MessageBus;
  let http: HttpClient;
  let published: IncomingMessage[];
  let audit: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({ name: 'debtor-contact', clockStart: MONDAY_10_NEW_YORK, module: (deps) => DebtorContactModule.register(deps), listenTo: [CONTACT_CASES, AUDIT_EVENTS] });
    ({ bus, http, close } = sut);
    published = sut.received(CONTACT_CASES);
    audit = sut.received(AUDIT_EVENTS);
  });
  afterAll(() => close());

  async function publish<Data>(contract: Contract<Data>, key: string, value: Data): Promise<void> {
    const id = randomUUID();
    await bus.publish([{ topic: contract.topic, key, value, headers: { 'message-type': contract.type, 'message-id': id, 'correlation-id': `corr-${key}`, 'causation-id': id, 'source-stream': `account-${key}`, 'source-version': '0' } }]);
  }
  const storedOf = (accountId: string, type: string) => audit.filter((m) => m.key === `contact-${accountId}` && (m.value as { type: string }).type === type);

  it("replaces the case's contacts: a number the update bars is refused from then on, a new one may be called", async () => {
    const accountId = randomUUID();
    const placed: AccountPlacedV2 = {
      accountId,
      clientId: 'client-1',
      clientReference: `REF-${accountId.slice(0, 8)}`,
      commercial: true,
      category: 'standard',
      debtor: { ...DEBTOR, phones: [{ number: '+12125550100', consent: true, doNotContact: false }] },
      buckets: { principal: 300_000, interest: 0, fees: 0, costs: 0 },
      invoices: [{ number: 'INV-1', issueDate: '2025-10-16', dueDate: '2025-11-15', originalAmount: 300_000, currency: 'USD' }],
      currency: 'USD',
      placedAmount: 300_000,
      commissionRateBp: 2_500,
      placedAt: MONDAY_10_NEW_YORK,
    };
    await publish(AccountPlaced, accountId, placed);
    await waitFor('the first demand', () => published.some((m) => m.key === accountId && m.headers['message-type'] === 'NoticeSent.v1'), WAIT);
    const call = (to: string) => http.post(`/cases/${accountId}/contacts`).set('authorization', staff('collector')).send({ channel: 'call', direction: 'outbound', outcome: 'no-answer', to });
    await call('+12125550100').expect(201);

    const phones = [
      { number: '+12125550100', consent: true, doNotContact: true },
      { number: '+12125550199', consent: true, doNotContact: false },
    ];
    const update: DebtorUpdatedV1 = { accountId, clientId: 'client-1', debtor: { ...DEBTOR, legalName: 'Acme Widgets Holdings LLC', phones }, changed: ['legalName', 'phones'], updatedBy: 'client', updatedAt: MONDAY_10_NEW_YORK };
    await publish(DebtorUpdated, accountId, update);
    await waitFor('the debtor replaced', () => storedOf(accountId, 'CaseDebtorReplaced').length === 1, WAIT);

    const refused = await call('+1 212 555 0100').expect(422);
    expect(refused.body).toMatchObject({ rule: 'do-not-contact' });
    await call('+12125550199').expect(201);
    const contactCase = (await http.get(`/cases/${accountId}`).set('authorization', staff('collector')).expect(200)).body;
    expect(contactCase.debtor).toMatchObject({ legalName: 'Acme Widgets Holdings LLC', phones });
  });
});
