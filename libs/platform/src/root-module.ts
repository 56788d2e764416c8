import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SETTINGS, AuthGuard, AuthSettings } from './auth/auth.guard';
import { DEV_STAFF_TOKEN_SECRET } from './auth/staff-token';
import { HealthController, SERVICE_NAMES } from './health.controller';

/**
 * The HTTP root of a process: the service modules it mounts plus /health (live, ready).
 * A service process mounts one service; the all-in-one process mounts them all.
 */
export function rootModule(
  services: string[],
  imports: Array<Type<unknown> | DynamicModule>,
  auth: AuthSettings = { staffTokenSecret: process.env.STAFF_TOKEN_SECRET ?? DEV_STAFF_TOKEN_SECRET },
): Type<unknown> {
  @Module({
    imports,
    controllers: [HealthController],
    providers: [
      { provide: SERVICE_NAMES, useValue: services },
      { provide: AUTH_SETTINGS, useValue: auth },
      { provide: APP_GUARD, useClass: AuthGuard },
    ],
  })
  class RootModule {}
  return RootModule;
}
