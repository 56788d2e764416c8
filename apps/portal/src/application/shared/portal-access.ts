import { Inject, Injectable } from '@nestjs/common';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { handleCommand } from '@lib/es-core';
import { portalAccessDecider, PortalAccessCommand } from '../../domain/access/portal-access.decider';
import { portalStreamId } from '../../domain/access/portal-access.events';
import { TokenPayload, verifyToken } from '../../domain/links/signed-token';
import type { AccountSnapshot, PortalDependencies } from '../../portal.dependencies';
import { portalContext, portalError } from './portal-page';

/** Requests per minute one link (or one address presenting bad links) may make. */
export const REQUESTS_PER_MINUTE = 30;

/** How long a session lasts after the identity check. */
export const SESSION_MINUTES = 30;

/**
 * The gate every portal page goes through: the token's signature and expiry, the rate
 * limit, the account's existence, and the trail of each access. Rate limits are counted
 * in this process (a fixed one-minute window per link, and per address for tokens that are
 * not links at all); the identity check's lockout is in the account's stream, so it holds
 * across processes and restarts.
 */
@Injectable()
export class PortalAccess {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(@Inject(SERVICE_DEPENDENCIES) readonly deps: PortalDependencies) {}

  /** Counts a request against `key`; past the limit, the rate-limited page (429). */
  limit(key: string): void {
    const now = this.deps.wallClock.now().getTime();
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= 60_000) {
      if (this.windows.size > 10_000) this.forgetOldWindows(now);
      this.windows.set(key, { startedAt: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > REQUESTS_PER_MINUTE) throw portalError(this.deps, 429, 'rate-limited');
  }

  /** A personal link: valid, or the page that says why not (nothing about the account). */
  async link(token: string, ip: string): Promise<Extract<TokenPayload, { kind: 'link' }>> {
    const verdict = verifyToken(this.deps.linkSecret, token, 'link', this.deps.wallClock.now().getTime());
    if (verdict.ok) {
      this.limit(`link:${verdict.payload.linkId}`);
      await this.refuseRevoked(verdict.payload.accountId, verdict.payload.linkId, verdict.payload.expiresAt);
      return verdict.payload;
    }
    if (verdict.reason === 'expired' && verdict.payload) {
      this.limit(`link:${verdict.payload.linkId}`);
      // The refusal is recorded on the account's trail (PortalLinkRefused) and answered as the expired page.
      await this.record({ type: 'OpenLink', accountId: verdict.payload.accountId, linkId: verdict.payload.linkId, expired: true, now: this.deps.clock.now() }).catch((error: unknown) => {
        if (!(error instanceof Refused)) throw error;
      });
      throw portalError(this.deps, 410, 'link-expired');
    }
    this.limit(`address:${ip}`);
    throw portalError(this.deps, 404, 'link-invalid');
  }

  /** A session after the identity check: valid and made from a link not revoked since, or the page asking to start again. */
  async session(token: string, ip: string): Promise<Extract<TokenPayload, { kind: 'session' }>> {
    const verdict = verifyToken(this.deps.linkSecret, token, 'session', this.deps.wallClock.now().getTime());
    if (verdict.ok) {
      this.limit(`link:${verdict.payload.linkId}`);
      // Sessions signed before they named their link's expiry end on their own within SESSION_MINUTES.
      if (verdict.payload.linkExpiresAt !== undefined) await this.refuseRevoked(verdict.payload.accountId, verdict.payload.linkId, verdict.payload.linkExpiresAt);
      return verdict.payload;
    }
    this.limit(`address:${ip}`);
    if (verdict.reason === 'expired') throw portalError(this.deps, 401, 'session-expired');
    throw portalError(this.deps, 404, 'link-invalid');
  }

  /**
   * A collector's newer link revokes this one (and the sessions made from it): the refusal
   * is on the account's trail (PortalLinkRefused, revoked) and answered as a page that
   * shows nothing of the account.
   */
  private async refuseRevoked(accountId: string, linkId: string, linkExpiresAt: number): Promise<void> {
    try {
      await this.record({ type: 'UseLink', accountId, linkId, linkExpiresAt: new Date(linkExpiresAt).toISOString(), now: this.deps.clock.now() });
    } catch (error) {
      if (error instanceof Refused && error.rule === 'portal-link-revoked') throw portalError(this.deps, 410, 'link-revoked');
      throw error;
    }
  }

  async account(accountId: string): Promise<AccountSnapshot> {
    const account = await this.deps.accounts.snapshot(accountId);
    if (!account) throw portalError(this.deps, 404, 'account-unavailable');
    return account;
  }

  /** Runs a portal command on the account's portal stream; a refusal's events are recorded and it is thrown as Refused. */
  async record(command: PortalAccessCommand, causationId?: string) {
    const outcome = await handleCommand(this.deps.eventStore, portalAccessDecider, portalStreamId(command.accountId), command, portalContext(this.deps, causationId));
    if (outcome.outcome === 'rejected') throw new Refused(outcome.rejection);
    return outcome;
  }

  private forgetOldWindows(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= 60_000) this.windows.delete(key);
  }
}
