/**
 * The portal in its own process (compiled, as production runs it), reaching debtor contact
 * and payments over HTTP with the staff token it signs for itself: the same pages and the
 * same commands as in the all-in-one. And the start it refuses without its settings.
 */
import { randomBytes } from 'node:crypto';
import { freePort, runApp, RunningApp, startApp } from '../../../test/support/app-process';
import { DEPLOYMENT_STAFF_TOKEN_SECRET, staffToken } from '../../../test/e2e/journeys/deployment';
import { PortalHarness, startPortalHarness } from '../../../test/support/portal-harness';

describe('the portal as its own process', () => {
  let services: PortalHarness;
  let portal: RunningApp;

  beforeAll(async () => {
    services = await startPortalHarness();
    const port = await freePort();
    portal = await startApp(
      'portal',
      {
        PGLITE_DATA_DIR: 'memory',
        STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET,
        DEBTOR_CONTACT_URL: services.baseUrl,
        PAYMENTS_URL: services.baseUrl,
        PORTAL_LINK_SECRET: randomBytes(32).toString('base64url'),
        PORTAL_PUBLIC_URL: `http://127.0.0.1:${port}`,
        PAYMENT_PROVIDER: 'local',
        PORTAL_ALLOW_LOCAL_CHECKOUT: 'true',
        AGENCY_NAME: 'Process Test Agency',
        AGENCY_PHONE: '+1 212 555 0100',
        AGENCY_EMAIL: 'help@agency.example',
        AGENCY_ADDRESS: '1 Test Plaza, New York, NY 10001',
      },
      60_000,
      port,
    );
  }, 240_000);

  afterAll(async () => {
    await portal?.stop();
    await services?.close();
  });

  const post = (url: string, fields: Record<string, string>) => fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

  it('issues a link, checks the debtor, pays through its checkout, and agrees a plan, all over the services\' HTTP APIs', async () => {
    const { accountId } = await services.placeAccount();
    const issued = await fetch(`${portal.url}/accounts/${accountId}/portal-links`, { method: 'POST', headers: { authorization: staffToken('collector') } });
    expect(issued.status).toBe(201);
    const { url } = (await issued.json()) as { url: string };
    expect(url.startsWith(`${portal.url}/portal/l/`)).toBe(true);
    expect((await fetch(url)).status).toBe(200);
    const checked = await post(url, { method: 'invoice', answer: 'INV-1001' });
    const session = `${portal.url}${checked.headers.get('location')}`;
    const page = await (await fetch(session)).text();
    expect(page).toContain('Process Test Agency');
    expect(page).toContain('$7,500.50');

    const started = await post(`${session}/payments`, { amount: '500.00', method: 'ach' });
    const checkout = started.headers.get('location')!;
    expect((await post(checkout, {})).status).toBe(303);
    expect((await post(checkout, {})).status).toBe(303);
    const ledger = await services.ledger(accountId);
    expect(ledger.payments).toEqual([expect.objectContaining({ amount: 50_000, method: 'ach' })]);

    const firstDueDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const proposed = await post(`${session}/plans`, { installments: '2', frequency: 'monthly', firstDueDate });
    expect(proposed.headers.get('location')).toContain('notice=plan-accepted');
    expect(await (await fetch(`${session}`)).text()).toContain('Your payment plan');
  });

  it('refuses to start without its link secret, public URL, provider, agency and the services it calls', async () => {
    const run = runApp('portal', { PGLITE_DATA_DIR: 'memory', PORTAL_LINK_SECRET: '', PORTAL_PUBLIC_URL: '', PAYMENT_PROVIDER: '', DEBTOR_CONTACT_URL: '', PAYMENTS_URL: '', STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET, AGENCY_NAME: '' });
    expect(await run.exited).not.toBe(0);
    for (const variable of ['PORTAL_LINK_SECRET', 'PORTAL_PUBLIC_URL', 'PAYMENT_PROVIDER', 'AGENCY_NAME', 'DEBTOR_CONTACT_URL', 'PAYMENTS_URL']) expect(run.output()).toContain(variable);
  });
});
