import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AUTH_SETTINGS, AuthGuard, AuthSettings } from './auth/auth.guard';
import { HealthController, SERVICE_NAMES } from './health.controller';

/**
 * The HTTP root of a process: the service modules it mounts plus /health (live, ready).
 * A service process mounts one service; the all-in-one process mounts them all.
 * `auth` has no default: which keys sign staff tokens is always the caller's stated choice.
 */
export function rootModule(
  services: string[],
  imports: Array<Type<unknown> | DynamicModule>,
  auth: AuthSettings,
): Type<unknown> {
  @Module({
    // One command bus and one query bus for the process; each service registers its handlers.
    imports: [CqrsModule.forRoot(), ...imports],
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
