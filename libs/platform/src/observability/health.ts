import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { ServiceRuntime } from '@lib/integration';
import type { MessageBus } from '@lib/message-bus';

export interface ReadinessOptions {
  /** How long one dependency may take to answer before it counts as down. Default 3 s. */
  timeoutMs?: number;
  /** How long a relay with events waiting may go without progress before it counts as stuck. Default 30 s. */
  relayStuckAfterMs?: number;
}

/** One readiness check: resolves to terminus's result for its key, up or down. */
export type ReadinessCheck = () => Promise<HealthIndicatorResult>;

/**
 * The checks `/health/ready` runs, named so the 503's body says what failed:
 * `event-store:<service>` and `relay:<service>` per service, `bus` once per bus, and a
 * service's own probes as `<probe>:<service>` (reporting's `read-models:reporting`).
 */
export function readinessChecks(runtimes: ServiceRuntime[], indicators: HealthIndicatorService, options: ReadinessOptions = {}): ReadinessCheck[] {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const stuckAfterMs = options.relayStuckAfterMs ?? 30_000;
  const ping = (key: string, answer: () => Promise<void>): ReadinessCheck => async () => {
    const session = indicators.check(key);
    try {
      await withTimeout(answer(), timeoutMs);
      return session.up();
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : String(error) });
    }
  };
  const buses = [...new Set<MessageBus>(runtimes.map((runtime) => runtime.bus))];
  return [
    ...runtimes.map((runtime) => ping(`event-store:${runtime.service}`, () => runtime.store.ping())),
    ...buses.map((bus, index) => ping(buses.length === 1 ? 'bus' : `bus:${index + 1}`, () => bus.ping())),
    ...runtimes.flatMap((runtime) => Object.entries(runtime.probes).map(([name, probe]) => ping(`${name}:${runtime.service}`, probe))),
    ...runtimes.map((runtime) => async () => {
      const session = indicators.check(`relay:${runtime.service}`);
      try {
        const health = await withTimeout(runtime.relay.health(stuckAfterMs), timeoutMs);
        const details = { lag: health.lag, secondsSinceProgress: Math.round(health.sinceProgressMs / 1000), failuresInARow: health.failuresInARow };
        return health.stuck ? session.down({ ...details, message: `events wait and the relay made no progress for over ${stuckAfterMs / 1000} s` }) : session.up(details);
      } catch (error) {
        return session.down({ message: error instanceof Error ? error.message : String(error) });
      }
    }),
  ];
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
