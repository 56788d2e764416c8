import { Controller, Get, HttpCode, Logger, Module, Post, Res } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { Response } from 'express';
import { Writable } from 'node:stream';
import request from 'supertest';
import { Roles } from '../auth/roles';
import { DEV_STAFF_TOKEN_SECRET, signStaffToken } from '../auth/staff-token';
import { createHttpApp } from '../http-app';
import { rootModule } from '../root-module';

/** Endpoints that succeed, refuse by a named rule, fail unexpectedly, and log from inside a handler. */
@Controller('widgets')
class WidgetsController {
  private readonly logger = new Logger('Widgets');

  @Post()
  @Roles('admin')
  place(): { placed: true } {
    this.logger.log('placing a widget');
    return { placed: true };
  }

  @Post(':widgetId/refusal')
  @Roles('admin')
  @HttpCode(422)
  refuse(@Res({ passthrough: true }) response: Response): { rule: string } {
    // What the problem-details filter does when it answers a refusal.
    response.locals.rule = 'widget-limit';
    return { rule: 'widget-limit' };
  }

  @Get('broken')
  @Roles('admin')
  broken(): never {
    throw new Error('the widget cache is gone');
  }
}

@Module({ controllers: [WidgetsController] })
class WidgetsModule {}

describe('observability of an app: logs, metrics, health', () => {
  let app: INestApplication;
  const lines: string[] = [];
  const admin = `Bearer ${signStaffToken(DEV_STAFF_TOKEN_SECRET, { role: 'admin', id: 'admin-7' })}`;
  const logged = () => lines.flatMap((chunk) => chunk.split('\n')).filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>);

  beforeAll(async () => {
    const logTo = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await createHttpApp({ title: 'observability test', quiet: true, logTo, module: rootModule(['widgets'], [WidgetsModule], { staffTokens: { kind: 'secret', secret: DEV_STAFF_TOKEN_SECRET } }) });
    await app.init();
  });

  afterAll(() => app.close());

  const sample = (metrics: string, name: string, labels: Record<string, string>): number => {
    const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
    const line = metrics.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('times requests by route template and counts commands by outcome and refusal rule', async () => {
    const before = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;
    await request(app.getHttpServer()).post('/widgets').set('authorization', admin).expect(201);
    await request(app.getHttpServer()).post('/widgets').set('authorization', admin).expect(201);
    await request(app.getHttpServer()).post('/widgets/w-1/refusal').set('authorization', admin).expect(422);
    await request(app.getHttpServer()).post('/widgets').expect(401);
    const after = await request(app.getHttpServer()).get('/metrics').expect(200);

    expect(after.headers['content-type']).toContain('text/plain');
    const moved = (name: string, labels: Record<string, string>) => sample(after.text, name, labels) - sample(before, name, labels);
    expect(moved('http_request_duration_seconds_count', { method: 'POST', route: '/widgets', status_code: '201' })).toBe(2);
    expect(moved('http_request_duration_seconds_count', { method: 'POST', route: '/widgets/:widgetId/refusal', status_code: '422' })).toBe(1);
    expect(moved('commands_total', { source: 'http', command: 'POST /widgets', outcome: 'accepted', rule: '' })).toBe(2);
    expect(moved('commands_total', { source: 'http', command: 'POST /widgets/:widgetId/refusal', outcome: 'refused', rule: 'widget-limit' })).toBe(1);
    expect(moved('commands_total', { source: 'http', command: 'POST /widgets', outcome: 'refused', rule: '' })).toBe(1);
    // Raw URLs never become labels: a label per widget id would grow without bound.
    expect(after.text).not.toContain('w-1');
  });

  it('logs an unexpected error with its message, stack, route, method and correlation id', async () => {
    await request(app.getHttpServer()).get('/widgets/broken').set('authorization', admin).set('x-correlation-id', 'corr-500').expect(500);

    const errors = logged().filter((line) => line.level === 'error' && line.correlationId === 'corr-500');
    const report = errors.find((line) => line.err?.message === 'the widget cache is gone');
    expect(report).toBeDefined();
    expect(report).toMatchObject({ method: 'GET', route: '/widgets/broken', principal: { role: 'admin', id: 'admin-7' } });
    expect(report?.err.stack).toContain('WidgetsController.broken');
  });

  it('puts the correlation id and principal on every line logged inside a request, and answers with the id', async () => {
    const response = await request(app.getHttpServer()).post('/widgets').set('authorization', admin).set('x-correlation-id', 'corr-inside').expect(201);
    expect(response.headers['x-correlation-id']).toBe('corr-inside');

    const inside = logged().find((line) => line.msg === 'placing a widget' && line.correlationId === 'corr-inside');
    expect(inside).toMatchObject({ level: 'info', context: 'Widgets', principal: { role: 'admin', id: 'admin-7' }, route: '/widgets', method: 'POST' });
    expect(Number.isNaN(Date.parse(inside?.time))).toBe(false);
    const completed = logged().find((line) => line.correlationId === 'corr-inside' && line.res?.statusCode === 201);
    expect(completed).toMatchObject({ principal: { role: 'admin', id: 'admin-7' }, route: '/widgets' });
    // Credentials are redacted from the request the completion line shows.
    expect(completed?.req.headers.authorization).toBe('[redacted]');
    expect(lines.join('')).not.toContain(admin.slice('Bearer '.length));
  });

  it('gives a request without a correlation id a new one, in its answer and its log lines', async () => {
    const response = await request(app.getHttpServer()).post('/widgets').set('authorization', admin).expect(201);
    const id = response.headers['x-correlation-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged().some((line) => line.msg === 'placing a widget' && line.correlationId === id)).toBe(true);
  });

  it('answers live, ready and the /health alias without credentials', async () => {
    const live = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(live.body).toMatchObject({ status: 'ok', info: { process: { status: 'up' } } });
    await request(app.getHttpServer()).get('/health/ready').expect(200);
    const alias = await request(app.getHttpServer()).get('/health').expect(200);
    expect(alias.body).toMatchObject({ status: 'ok', services: ['widgets'] });
  });
});
