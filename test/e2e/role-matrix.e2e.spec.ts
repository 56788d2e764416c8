/**
 * Every endpoint of every service, found from the controllers themselves rather than
 * listed by hand, called as every role: the roles it states get past the guard, every
 * other role gets 403 and no credentials get 401. The per-app specs check chosen cases
 * with real data; this one makes sure an endpoint added later cannot escape the check.
 */
import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { loadConfig } from '@lib/config';
import { composeProcess, Role, ROLES_KEY, STAFF_ROLES, StaffRole } from '@lib/platform';
import { ALL_SERVICES } from '../../apps/all-in-one/src/all-in-one.services';
import { DEPLOYMENT_STAFF_TOKEN_SECRET, staffToken } from './journeys/deployment';

interface Route {
  method: string;
  path: string;
  roles: readonly Role[] | 'public' | undefined;
}

/** Every role a caller can present over HTTP ('system' is only ever the services themselves). */
type CallerRole = 'client' | 'attorney' | StaffRole;
const EVERY_ROLE: readonly CallerRole[] = ['client', 'attorney', ...STAFF_ROLES];
const isCallerRole = (role: Role): role is CallerRole => (EVERY_ROLE as readonly Role[]).includes(role);
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Routes as Nest maps them: controller path + handler path, with the handler's (or controller's) stated roles. */
function routesOf(app: INestApplication): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller)) as Route['roles'];
        const joined = `/${[base, path].map((part) => part.replace(/^\/+|\/+$/g, '')).filter((part) => part !== '').join('/')}`;
        routes.push({ method: RequestMethod[method], path: joined, roles });
      }
    }
  }
  return routes;
}

describe('role matrix: every endpoint of the all-in-one, called as every role', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let baseUrl: string;
  let routes: Route[];
  let clientKey: string;
  let attorneyKey: string;

  beforeAll(async () => {
    const config = loadConfig('all-in-one', { PGLITE_DATA_DIR: 'memory', CLOCK: 'test', STAFF_TOKEN_SECRET: DEPLOYMENT_STAFF_TOKEN_SECRET }, { port: 0 });
    const composed = await composeProcess(config, ALL_SERVICES, { title: 'role matrix', quiet: true });
    app = composed.app;
    close = () => composed.close();
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    routes = routesOf(app);

    const admin = { authorization: staffToken('admin') };
    const onboarded = await call('POST', '/clients', admin, { name: 'Matrix Creditor' });
    const issued = await call('POST', `/clients/${(onboarded.body as { clientId: string }).clientId}/api-keys`, admin, {});
    clientKey = (issued.body as { apiKey: string }).apiKey;
    expect(clientKey).toEqual(expect.any(String));
    const attorney = await call('POST', '/attorneys', admin, { firm: 'Matrix Law LLP', jurisdictions: ['US-NY'], currency: 'USD', suitFee: 0, contingencyBp: 2_500, capacity: 1 });
    const attorneyIssued = await call('POST', `/attorneys/${(attorney.body as { attorneyId: string }).attorneyId}/api-keys`, admin, {});
    attorneyKey = (attorneyIssued.body as { apiKey: string }).apiKey;
    expect(attorneyKey).toMatch(/^ak_/);
  }, 180_000);

  afterAll(async () => {
    await close?.();
  });

  async function call(method: string, path: string, credentials: Record<string, string>, body: unknown) {
    const headers = { 'content-type': 'application/json', ...credentials };
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
  }

  const callAs = (route: Route, role: CallerRole | 'nobody') => {
    const path = route.path.replace(/:[A-Za-z]+/g, SOME_ID);
    const credentials: Record<string, string> =
      role === 'nobody' ? {} : role === 'client' ? { 'x-api-key': clientKey } : role === 'attorney' ? { 'x-api-key': attorneyKey } : { authorization: staffToken(role) };
    return call(route.method, path, credentials, {});
  };

  it('finds the endpoints of every service, and every one of them states who may call it', () => {
    const described = routes.map((route) => `${route.method} ${route.path}`);
    // A few from each service, so an empty or partial discovery cannot pass.
    expect(described).toEqual(
      expect.arrayContaining([
        'POST /placements',
        'POST /placements/batches',
        'GET /placements/batches/:batchId',
        'GET /placements/batches/:batchId/results',
        'POST /clients',
        'POST /clients/:clientId/webhook-endpoints',
        'POST /clients/:clientId/agreements',
        'GET /clients/:clientId/agreements',
        'POST /migrations/accounts',
        'POST /accounts/:accountId/recall',
        'POST /accounts/:accountId/cancel',
        'POST /accounts/:accountId/close',
        'POST /accounts/:accountId/direct-payments',
        'POST /accounts/:accountId/invoices',
        'POST /accounts/:accountId/balance-adjustments',
        'PATCH /accounts/:accountId/debtor',
        'POST /payments',
        'POST /payments/:paymentId/reversal',
        'POST /ledgers/:accountId/credit-refunds',
        'GET /trust/reconciliation',
        'GET /trust/reconciliation.csv',
        'POST /ledgers/:accountId/cost-advances',
        'GET /ledgers/:accountId/cost-advances',
        'POST /ledgers/:accountId/cost-advances/:advanceId/receipts',
        'POST /ledgers/:accountId/cost-advances/:advanceId/spending',
        'POST /ledgers/:accountId/cost-advances/:advanceId/recoveries',
        'POST /ledgers/:accountId/cost-advances/:advanceId/refunds',
        'POST /clients/:clientId/commission/what-if',
        'POST /clients/:clientId/remittances',
        'GET /clients/:clientId/remittances',
        'GET /remittances/:remittanceId',
        'GET /remittances/:remittanceId.csv',
        'GET /remittances/:remittanceId.pdf',
        'GET /reports/accounts/:accountId',
        'GET /audit/payments/accounts/:accountId',
        'GET /accounts/:accountId/letters',
        'GET /accounts/:accountId/letters/:letterId.pdf',
        'POST /cases/:accountId/plans',
        'POST /cases/:accountId/holds',
        'POST /cases/:accountId/holds/:holdId/lift',
        'GET /cases/:accountId/holds',
        'POST /cases/:accountId/bankruptcy/discharge',
        'POST /accounts/:accountId/disputes',
        'POST /cases/:accountId/disputes/:disputeId/resolution',
        'POST /cases/:accountId/skip',
        'POST /cases/:accountId/contact-data',
        'GET /skip-queue',
        'POST /cases/:accountId/cease-requests',
        'POST /cases/:accountId/attorney-representation',
        'GET /compliance/contact-rules',
        'GET /cases/:accountId/contact-rules',
        'POST /clients/:clientId/strategies',
        'POST /accounts/:accountId/assignment',
        'GET /work-queue',
        'GET /approvals',
        'POST /cases/:accountId/write-offs',
        'GET /reports/accounts/:accountId/history/export',
        'GET /reports/clients/:clientId/history/export',
        'GET /reports/clients/:clientId/aging',
        'GET /reports/clients/:clientId/aging.csv',
        'GET /reports/clients/:clientId/aging.svg',
        'GET /reports/aging',
        'GET /reports/aging.csv',
        'GET /reports/aging.svg',
        'GET /reports/clients/:clientId/liquidation',
        'GET /reports/clients/:clientId/liquidation.csv',
        'GET /reports/clients/:clientId/liquidation.svg',
        'GET /reports/liquidation',
        'GET /reports/liquidation.csv',
        'GET /reports/liquidation.svg',
        'GET /reports/collectors/performance',
        'GET /reports/collectors/performance.csv',
        'GET /reports/clients/:clientId/remittances',
        'GET /reports/clients/:clientId/remittances.csv',
        'GET /reports/clients/:clientId/trust-ledger',
        'GET /reports/clients/:clientId/trust-ledger.csv',
        'GET /accounts/:accountId/statute-of-limitations',
        'POST /accounts/:accountId/statute-of-limitations/acknowledgements',
        'POST /accounts/:accountId/statute-of-limitations/tollings',
        'POST /accounts/:accountId/statute-of-limitations/tollings/:tollingId/end',
        'POST /referrals/:accountId/approval',
        'POST /referrals/:accountId/decline',
        'POST /referrals/:accountId/milestones',
        'POST /attorneys',
        'PUT /attorneys/:attorneyId',
        'GET /attorneys',
        'POST /attorneys/:attorneyId/api-keys',
        'GET /reports/trust',
        'GET /reports/compliance-decisions',
        'GET /reports/compliance-decisions.csv',
        'POST /reports/read-models/rebuild',
      ]),
    );
    // Money leaving trust and the trust account's figures are for accountants alone.
    const trustRoutes = routes.filter((route) => route.path.startsWith('/trust/') || route.path.endsWith('/credit-refunds'));
    expect(trustRoutes.map((route) => route.roles)).toEqual([['accountant'], ['accountant'], ['accountant']]);
    // A batch is uploaded by its client only; its status and results are read by it or by any staff role.
    const rolesOf = (described: string) => routes.find((route) => `${route.method} ${route.path}` === described)?.roles;
    expect(rolesOf('POST /placements/batches')).toEqual(['client']);
    // Money for a suit's costs enters and leaves trust through accountants (and admins); legal staff ask for it and spend it.
    expect(rolesOf('POST /ledgers/:accountId/cost-advances')).toEqual(['legal', 'accountant', 'admin']);
    expect(rolesOf('POST /ledgers/:accountId/cost-advances/:advanceId/receipts')).toEqual(['accountant', 'admin']);
    expect(rolesOf('POST /ledgers/:accountId/cost-advances/:advanceId/spending')).toEqual(['legal', 'accountant', 'admin']);
    expect(rolesOf('POST /ledgers/:accountId/cost-advances/:advanceId/recoveries')).toEqual(['accountant', 'admin']);
    expect(rolesOf('POST /ledgers/:accountId/cost-advances/:advanceId/refunds')).toEqual(['accountant', 'admin']);
    expect(rolesOf('POST /clients/:clientId/commission/what-if')).toEqual(['accountant', 'admin', 'supervisor']);
    expect(rolesOf('GET /placements/batches/:batchId')).toEqual(['client', ...STAFF_ROLES]);
    expect(rolesOf('GET /placements/batches/:batchId/results')).toEqual(['client', ...STAFF_ROLES]);
    // A client reads its own aging and liquidation; the agency's figures and collectors' performance are for staff.
    expect(rolesOf('GET /reports/clients/:clientId/aging')).toEqual(['client', 'supervisor', 'accountant', 'compliance', 'admin']);
    expect(rolesOf('GET /reports/liquidation.svg')).toEqual(['supervisor', 'accountant', 'compliance', 'admin']);
    expect(rolesOf('GET /reports/collectors/performance')).toEqual(['supervisor', 'compliance', 'admin']);
    // A client reads its own remittance history; of the staff, those who deal with money and its oversight.
    expect(rolesOf('GET /reports/clients/:clientId/remittances')).toEqual(['client', 'accountant', 'compliance', 'admin']);
    expect(rolesOf('GET /reports/clients/:clientId/remittances.csv')).toEqual(['client', 'accountant', 'compliance', 'admin']);
    expect(rolesOf('GET /reports/clients/:clientId/trust-ledger')).toEqual(['client', 'accountant', 'compliance', 'admin']);
    expect(rolesOf('GET /reports/clients/:clientId/trust-ledger.csv')).toEqual(['client', 'accountant', 'compliance', 'admin']);
    // Payment plans are agreed by those who work accounts.
    expect(rolesOf('POST /cases/:accountId/plans')).toEqual(['collector', 'supervisor']);
    // A debtor's request to stop contact and its attorney are recorded by whoever hears of them on the agency's side.
    expect(rolesOf('POST /cases/:accountId/cease-requests')).toEqual(['collector', 'supervisor', 'compliance']);
    expect(rolesOf('POST /cases/:accountId/attorney-representation')).toEqual(['collector', 'supervisor', 'compliance']);
    expect(rolesOf('GET /compliance/contact-rules')).toEqual(['collector', 'supervisor', 'compliance']);
    // A client's contact strategies are set by admins and supervisors; supervisors assign accounts and approve; collectors and supervisors work the queue.
    expect(rolesOf('POST /clients/:clientId/strategies')).toEqual(['admin', 'supervisor']);
    expect(rolesOf('POST /accounts/:accountId/assignment')).toEqual(['supervisor']);
    expect(rolesOf('GET /work-queue')).toEqual(['collector', 'supervisor']);
    expect(rolesOf('GET /approvals')).toEqual(['supervisor']);
    // Settlements: collectors and supervisors offer, supervisors decide the approval queue, the owning client answers through its API.
    expect(['POST /cases/:accountId/settlements', 'POST /approvals/:approvalId/approve', 'POST /approvals/:approvalId/decline', 'GET /accounts/:accountId/settlements', 'POST /accounts/:accountId/settlements/:settlementId/approve'].map(rolesOf)).toEqual([['collector', 'supervisor'], ['supervisor'], ['supervisor'], ['client'], ['client']]);
    // Write-offs: collectors and supervisors ask, supervisors decide them on the approval queue.
    expect(rolesOf('POST /cases/:accountId/write-offs')).toEqual(['collector', 'supervisor']);
    // A debtor's personal portal link is (re-)issued by those who work accounts; the portal trail is read by compliance.
    expect(rolesOf('POST /accounts/:accountId/portal-links')).toEqual(['collector', 'supervisor']);
    expect(rolesOf('GET /audit/portal/accounts/:accountId')).toEqual(['compliance']);
    // The document a debtor uploaded with a portal dispute is for those who work and review disputes.
    expect(rolesOf('GET /accounts/:accountId/portal-disputes/:disputeId/document')).toEqual(['collector', 'supervisor', 'compliance']);
    // Plans debtors propose beyond the self-service limits are decided by those who agree plans.
    expect(rolesOf('GET /portal-plan-proposals')).toEqual(['collector', 'supervisor']);
    expect(rolesOf('POST /accounts/:accountId/portal-plan-proposals/:proposalId/decision')).toEqual(['collector', 'supervisor']);
    // What moves the limitation clock is legal's to record (a supervisor may too); compliance reads it.
    expect(routes.filter((route) => route.path.includes('/statute-of-limitations')).map((route) => `${route.method} ${route.path} ${String(route.roles)}`).sort()).toEqual([
      'GET /accounts/:accountId/statute-of-limitations legal,supervisor,compliance',
      'POST /accounts/:accountId/statute-of-limitations/acknowledgements legal,supervisor',
      'POST /accounts/:accountId/statute-of-limitations/tollings legal,supervisor',
      'POST /accounts/:accountId/statute-of-limitations/tollings/:tollingId/end legal,supervisor',
    ]);
    // A remittance is run by trust accounting (or an admin); a client reads its own statements.
    expect(rolesOf('POST /clients/:clientId/remittances')).toEqual(['accountant', 'admin']);
    for (const read of ['GET /clients/:clientId/remittances', 'GET /remittances/:remittanceId', 'GET /remittances/:remittanceId.csv', 'GET /remittances/:remittanceId.pdf']) {
      expect(rolesOf(read)).toEqual(['accountant', 'admin', 'compliance', 'client']);
    }
    // A panel attorney's key reaches its milestones and its cases, nothing else; the supervisor alone approves; the admin alone keeps the panel.
    expect(routes.filter((route) => Array.isArray(route.roles) && route.roles.includes('attorney')).map((route) => `${route.method} ${route.path}`).sort()).toEqual([
      'GET /referrals/:accountId',
      'POST /referrals/:accountId/milestones',
    ]);
    expect(rolesOf('POST /referrals/:accountId/approval')).toEqual(['supervisor']);
    expect(rolesOf('POST /referrals/:accountId/decline')).toEqual(['supervisor']);
    expect(rolesOf('POST /attorneys')).toEqual(['admin']);
    expect(rolesOf('PUT /attorneys/:attorneyId')).toEqual(['admin']);
    expect(rolesOf('POST /attorneys/:attorneyId/api-keys')).toEqual(['admin']);
    // The compliance decision ledger is for compliance officers (and admins); rebuilding the read models for admins.
    expect(rolesOf('GET /reports/compliance-decisions')).toEqual(['compliance', 'admin']);
    expect(rolesOf('GET /reports/compliance-decisions.csv')).toEqual(['compliance', 'admin']);
    expect(rolesOf('POST /reports/read-models/rebuild')).toEqual(['admin']);
    const unstated = routes.filter((route) => route.roles === undefined).map((route) => `${route.method} ${route.path}`);
    expect(unstated).toEqual([]);
    const open = routes.filter((route) => route.roles === 'public').map((route) => `${route.method} ${route.path}`);
    // Probes and scrapes carry no account data (docs/operations.md); the agency's public key is public by nature.
    // The debtor portal's pages are public but token-guarded: each reads the signed personal link, session or
    // checkout token in its path and shows nothing without a valid one (docs/portal.md); its stylesheet is static.
    expect(open.sort()).toEqual([
      'GET /.well-known/agency-signing-key',
      'GET /health',
      'GET /health/live',
      'GET /health/ready',
      'GET /metrics',
      'GET /portal/assets/portal.css',
      'GET /portal/checkout/:token',
      'GET /portal/l/:token',
      'GET /portal/s/:session',
      'POST /portal/checkout/:token',
      'POST /portal/l/:token',
      'POST /portal/s/:session/disputes',
      'POST /portal/s/:session/payments',
      'POST /portal/s/:session/plans',
    ]);
  });

  it('answers 401 without credentials and 403 to every role an endpoint does not state', async () => {
    const wrong: string[] = [];
    let refusals = 0;
    for (const route of routes) {
      if (route.roles === 'public' || route.roles === undefined) continue;
      refusals += 1;
      const nobody = await callAs(route, 'nobody');
      if (nobody.status !== 401) wrong.push(`${route.method} ${route.path} without credentials: ${nobody.status}`);
      for (const role of EVERY_ROLE.filter((r) => !(route.roles as readonly Role[]).includes(r))) {
        refusals += 1;
        const refused = await callAs(route, role);
        if (refused.status !== 403) wrong.push(`${route.method} ${route.path} as ${role}: ${refused.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(refusals).toBeGreaterThan(routes.length);
  });

  it('lets every role an endpoint states past the guard', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.roles === 'public' || route.roles === undefined) continue;
      for (const role of route.roles.filter(isCallerRole)) {
        const answered = await callAs(route, role);
        if (answered.status === 401 || answered.status === 403) wrong.push(`${route.method} ${route.path} as ${role}: ${answered.status} ${JSON.stringify(answered.body)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
