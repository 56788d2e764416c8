import { Controller, Get, Module, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { waitFor } from '@lib/message-bus/contract-suite/wait-for';
import { Roles } from '../auth/roles';
import { DEV_STAFF_TOKEN_SECRET, signStaffToken } from '../auth/staff-token';
import { createHttpApp } from '../http-app';
import { rootModule } from '../root-module';

const trail: string[] = [];

@Controller('gadgets')
class GadgetsController {
  @Post()
  @Roles('admin')
  place(): { placed: true } {
    trail.push('command handled');
    return { placed: true };
  }

  @Get()
  @Roles('admin')
  list(): string[] {
    trail.push('query handled');
    return [];
  }
}

@Module({ controllers: [GadgetsController] })
class GadgetsModule {}

describe('HTTP commands as foreground work (an in-process bus waits for them)', () => {
  let app: INestApplication;
  const admin = `Bearer ${signStaffToken(DEV_STAFF_TOKEN_SECRET, { role: 'admin', id: 'admin-1' })}`;
  const foreground = {
    begin: () => {
      trail.push('begin');
      return () => trail.push('end');
    },
  };

  beforeAll(async () => {
    app = await createHttpApp({
      title: 'foreground test',
      quiet: true,
      foreground,
      module: rootModule(['gadgets'], [GadgetsModule], { staffTokens: { kind: 'secret', secret: DEV_STAFF_TOKEN_SECRET } }),
    });
    await app.init();
  });
  afterAll(() => app.close());
  beforeEach(() => trail.splice(0));

  it('marks a command from its arrival until its answer is sent', async () => {
    await request(app.getHttpServer()).post('/gadgets').set('authorization', admin).expect(201);
    // The server's 'close' of the response may come a moment after the client read it.
    await waitFor('the end', () => trail.includes('end'), { timeoutMs: 2_000 });
    expect(trail).toEqual(['begin', 'command handled', 'end']);
  });

  it('marks a refused command too, and ends it', async () => {
    await request(app.getHttpServer()).post('/gadgets').expect(401);
    await waitFor('the end', () => trail.includes('end'), { timeoutMs: 2_000 });
    expect(trail).toEqual(['begin', 'end']);
  });

  it('leaves queries alone: they read what background work projects', async () => {
    await request(app.getHttpServer()).get('/gadgets').set('authorization', admin).expect(200);
    await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(trail).toEqual(['query handled']);
  });
});
