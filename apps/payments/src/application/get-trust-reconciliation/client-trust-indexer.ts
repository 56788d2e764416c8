import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { PaymentsDependencies } from '../../payments.dependencies';
import { clientTrustIndexOf } from './client-trust-index';

/** How often the service copies what was recorded since, so a run or a statement read finds little left to copy. */
export const CLIENT_TRUST_INDEX_INTERVAL_MS = 5_000;

/**
 * Keeps payments' per-client trust index caught up in the background (docs/payments.md,
 * "Reading one client's payments"). Reads catch it up themselves before reading, so this is
 * for speed only: a failed catch-up is logged and the next one (or the next read) copies it.
 */
@Injectable()
export class ClientTrustIndexer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClientTrustIndexer.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), CLIENT_TRUST_INDEX_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** A tick while the last catch-up still runs is skipped: that one copies the same events. */
  private tick(): void {
    if (this.busy) return;
    this.busy = true;
    this.running = clientTrustIndexOf(this.deps.eventStore)
      .catchUp()
      .catch((error: unknown) => this.logger.warn(`client trust index: catch-up failed, retried in ${CLIENT_TRUST_INDEX_INTERVAL_MS} ms: ${String(error)}`))
      .finally(() => {
        this.busy = false;
      });
  }
}
