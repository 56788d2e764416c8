import { INTAKE_CLIENTS } from '@lib/contracts';
import { PgliteEventStore } from '@lib/event-store';
import { IncomingMessage } from '@lib/message-bus';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { HttpClient, staffBearer as staff, startServiceUnderTest } from '../../../test/support/service-under-test';
import { ClientIntakeModule } from './client-intake.module';
import { agreementRequest } from './domain/client/client.fixtures';

describe('client agreements over HTTP (PGlite event store, in-process bus)', () => {
  let store: PgliteEventStore;
  let http: HttpClient;
  let published: IncomingMessage[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const sut = await startServiceUnderTest({
      name: 'client-intake',
      clockStart: '2026-06-01T09:00:00.000Z',
      module: (deps) => ClientIntakeModule.register(deps),
      listenTo: [INTAKE_CLIENTS],
    });
    ({ store, http, close } = sut);
    published = sut.received(INTAKE_CLIENTS);
  });
  afterAll(() => close());

  async function onboard(name: string): Promise<{ clientId: string; apiKey: string }> {
    const { clientId } = (await http.post('/clients').set('authorization', staff('admin')).send({ name }).expect(201)).body;
    const { apiKey } = (await http.post(`/clients/${clientId}/api-keys`).set('authorization', staff('admin')).expect(201)).body;
    return { clientId, apiKey };
  }
  const agreements = (clientId: string) => `/clients/${clientId}/agreements`;

  it('records a version effective from a date, publishes it in minor units, and shows it back as entered', async () => {
    const { clientId, apiKey } = await onboard('Northwind');
    const created = await http.post(agreements(clientId)).set('authorization', staff('admin')).send(agreementRequest({ effectiveFrom: '2026-07-01T00:00:00.000Z' })).expect(201);
    expect(created.body).toEqual({ ...agreementRequest(), clientId, version: 1, effectiveFrom: '2026-07-01T00:00:00.000Z', recordedAt: '2026-06-01T09:00:00.000Z' });

    const ofType = (type: string) => published.find((m) => m.key === clientId && m.headers['message-type'] === type);
    await waitFor('AgreementVersionPublished', () => ofType('AgreementVersionPublished.v1') !== undefined, { timeoutMs: 5_000 });
    // The default agreement of onboarding went out first, as version 0, on the same key.
    const onboarding = ofType('OnboardingAgreementPublished.v1');
    expect(onboarding?.value).toMatchObject({ clientId, version: 0, ratePlan: 'default', settlementAuthorityBp: 8_000 });
    expect(published.filter((m) => m.key === clientId).map((m) => m.headers['message-type'])).toEqual(['OnboardingAgreementPublished.v1', 'AgreementVersionPublished.v1']);
    const message = ofType('AgreementVersionPublished.v1')!;
    expect(message.value).toMatchObject({ clientId, version: 1, currency: 'USD', ratePlan: { planId: 'northwind-2026', collectedThresholds: [{ upTo: 30_000, rateBp: 5_000 }], minimumFee: 1_000 }, legalReferral: { minimumBalance: 500_000 } });

    const listed = await http.get(agreements(clientId)).set('authorization', staff('admin')).expect(200);
    expect(listed.body.onboarding).toMatchObject({ ratePlan: 'default', effectiveFrom: expect.any(String) });
    expect(listed.body.versions).toEqual([created.body]);
    // The client reads its own agreements with its API key.
    expect((await http.get(agreements(clientId)).set('x-api-key', apiKey).expect(200)).body.versions).toEqual([created.body]);
  });

  it('numbers a change as the next version and refuses one that would rewrite the past, writing nothing', async () => {
    const { clientId } = await onboard('Contoso');
    await http.post(agreements(clientId)).set('authorization', staff('admin')).send(agreementRequest({ effectiveFrom: '2026-08-01T00:00:00.000Z' })).expect(201);
    const before = (await store.readStream(`client-${clientId}`)).length;

    const earlier = await http.post(agreements(clientId)).set('authorization', staff('admin')).send(agreementRequest({ effectiveFrom: '2026-07-15T00:00:00.000Z' })).expect(409);
    expect(earlier.body).toMatchObject({ rule: 'agreement-effective-before-latest', latestVersion: 1 });
    const past = await http.post(agreements(clientId)).set('authorization', staff('admin')).send(agreementRequest({ effectiveFrom: '2026-05-01T00:00:00.000Z' })).expect(409);
    expect(past.body.rule).toBe('agreement-effective-in-past');
    expect((await store.readStream(`client-${clientId}`)).length).toBe(before);

    const change = await http.post(agreements(clientId)).set('authorization', staff('admin')).send(agreementRequest({ effectiveFrom: '2026-09-01T00:00:00.000Z', remittance: 'gross' })).expect(201);
    expect(change.body).toMatchObject({ version: 2, remittance: 'gross' });
    const listed = await http.get(agreements(clientId)).set('authorization', staff('admin')).expect(200);
    expect(listed.body.versions.map((v: { version: number; effectiveFrom: string }) => [v.version, v.effectiveFrom])).toEqual([
      [1, '2026-08-01T00:00:00.000Z'],
      [2, '2026-09-01T00:00:00.000Z'],
    ]);
  });

  it('refuses an invalid agreement with every problem (field, reason), 400, and writes nothing', async () => {
    const { clientId } = await onboard('Fabrikam');
    const before = (await store.readAll()).length;
    const bad = agreementRequest({ currency: 'BHD', remittance: 'yearly', settlementAuthorityBp: 10_001 });
    const refused = await http.post(agreements(clientId)).set('authorization', staff('admin')).send(bad).expect(400);
    expect(refused.body.problems).toEqual(
      expect.arrayContaining([
        { field: 'remittance', reason: 'must be one of net, gross, combined' },
        { field: 'settlementAuthorityBp', reason: 'must be whole basis points from 0 to 10000' },
      ]),
    );
    // "300.00" is fine in BHD (fewer decimals than three); more than three would not be.
    const precise = agreementRequest({ currency: 'BHD', cancellationFee: { flat: '1.0005', rateOfBalanceBp: 0 } });
    const tooPrecise = await http.post(agreements(clientId)).set('authorization', staff('admin')).send(precise).expect(400);
    expect(tooPrecise.body.problems).toEqual([{ field: 'cancellationFee.flat', reason: 'BHD has 3 decimals: at most 3 after the point' }]);
    expect((await store.readAll()).length).toBe(before);
  });

  it("answers 404 for an unknown client, and for another client's agreements read with a client key", async () => {
    const { apiKey } = await onboard('Tailspin');
    const { clientId: other } = await onboard('Wingtip');
    await http.post(agreements('6f1c1d2e-0000-4000-8000-000000000000')).set('authorization', staff('admin')).send(agreementRequest()).expect(404);
    await http.get(agreements(other)).set('x-api-key', apiKey).expect(404);
    await http.post(agreements(other)).set('x-api-key', apiKey).send(agreementRequest()).expect(403);
    await http.get(agreements(other)).set('authorization', staff('collector')).expect(403);
  });
});
