import request from 'supertest';
import { loadConfig } from '@lib/config';
import { ComposedProcess, composeProcess, LATEST_CLOCK_INSTANT, MAX_CLOCK_ADVANCE, TEST_CLOCK_START } from '@lib/platform';
import { staffBearer, TEST_STAFF_TOKEN_SECRET } from '../../../test/support/service-under-test';
import { ALL_SERVICES } from './all-in-one.services';

/**
 * The test clock of the all-in-one process (CLOCK=test, embedded adapters, in process).
 * A move that would take the clock past year 9999 once left every write answering 500
 * until a restart: it must be refused before the clock moves.
 */
describe('the test clock of the all-in-one process', () => {
  let composed: ComposedProcess;
  let http: ReturnType<typeof request>;
  const admin = staffBearer('admin');

  beforeAll(async () => {
    composed = await composeProcess(loadConfig('all-in-one', { CLOCK: 'test', PGLITE_DATA_DIR: 'memory', READ_MODELS: 'memory', STAFF_TOKEN_SECRET: TEST_STAFF_TOKEN_SECRET }, { port: 0 }), ALL_SERVICES, { title: 'test clock', quiet: true });
    await composed.app.init();
    http = request(composed.app.getHttpServer());
  });
  afterAll(() => composed.close());

  const now = async (): Promise<string> => (await http.get('/test-clock').set('authorization', admin).expect(200)).body.now;
  const onboard = (name: string) => http.post('/clients').set('authorization', admin).send({ name });

  it('refuses a move of a hundred million days with a 400 naming the field, and the clock and writes carry on', async () => {
    const refused = await http.post('/test-clock/advance').set('authorization', admin).send({ days: 100_000_000 }).expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: 'about:blank', status: 400, problems: [{ field: 'days', reason: expect.stringContaining(String(MAX_CLOCK_ADVANCE.days)) }] });
    expect(await now()).toBe(TEST_CLOCK_START);

    const onboarded = await onboard('After A Refused Move Inc.').expect(201);
    expect(onboarded.body.clientId).toEqual(expect.any(String));
    const moved = await http.post('/test-clock/advance').set('authorization', admin).send({ days: 1 }).expect(200);
    expect(moved.body.now).toBe('2026-01-06T15:00:00.000Z');
  });

  it('bounds each field: a non-integer, a negative and an oversized value are each named', async () => {
    const refused = await http
      .post('/test-clock/advance')
      .set('authorization', admin)
      .send({ days: 1.5, hours: -1, minutes: MAX_CLOCK_ADVANCE.minutes + 1 })
      .expect(400);
    expect(refused.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['days', 'hours', 'minutes']);
    await http.post('/test-clock/advance').set('authorization', admin).send({ hours: MAX_CLOCK_ADVANCE.hours, minutes: 0 }).expect(200);
  });

  it('refuses the move that would pass the last instant of year 9999, even when every field is within bounds, and writes still work there', async () => {
    let last = await now();
    // A hundred years a time, up to the last step that still fits.
    for (;;) {
      const step = await http.post('/test-clock/advance').set('authorization', admin).send({ days: MAX_CLOCK_ADVANCE.days });
      if (step.status !== 200) {
        expect(step.status).toBe(400);
        expect(step.body.problems).toEqual([{ field: 'days', reason: expect.stringContaining(LATEST_CLOCK_INSTANT) }]);
        break;
      }
      last = step.body.now;
    }
    expect(await now()).toBe(last);
    expect(last.startsWith('99')).toBe(true);
    // Days alone fit now; the hours after them do not, and the answer names hours.
    const remainingDays = Math.floor((Date.parse(LATEST_CLOCK_INSTANT) - Date.parse(last)) / 86_400_000);
    const byHours = await http.post('/test-clock/advance').set('authorization', admin).send({ days: remainingDays, hours: 24 }).expect(400);
    expect(byHours.body.problems).toEqual([{ field: 'hours', reason: expect.any(String) }]);
    expect(await now()).toBe(last);

    await onboard('Near The End Of Time Ltd.').expect(201);
  });
});
