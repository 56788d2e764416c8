import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Refused } from '@lib/platform';
import { CHECK_ATTEMPTS_BEFORE_LOCK } from '../../domain/access/portal-access.decider';
import { signToken } from '../../domain/links/signed-token';
import { checkPage } from '../../web/pages';
import { messagesFor } from '../../web/messages.en';
import { PortalAccess, SESSION_MINUTES } from '../shared/portal-access';
import { portalError, PortalPageException } from '../shared/portal-page';
import { CheckPortalIdentity } from './check-portal-identity.command';
import type { PortalRedirect } from './check-portal-identity.request.dto';
import { identityMatches } from './identity-match';

@CommandHandler(CheckPortalIdentity)
export class CheckPortalIdentityHandler implements ICommandHandler<CheckPortalIdentity> {
  constructor(private readonly access: PortalAccess) {}

  async execute({ token, form, ip }: CheckPortalIdentity): Promise<PortalRedirect> {
    const { deps } = this.access;
    const m = messagesFor();
    const link = await this.access.link(token, ip);
    const account = await this.access.account(link.accountId);
    const matched = identityMatches(account, form.method, form.answer);
    try {
      await this.access.record({ type: 'CheckIdentity', accountId: link.accountId, linkId: link.linkId, method: form.method, matched, now: deps.clock.now() });
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      if (error.rule === 'portal-link-locked') throw portalError(deps, 429, 'link-locked');
      const failures = Number(error.details.failures ?? 0);
      const left = CHECK_ATTEMPTS_BEFORE_LOCK - failures;
      if (left <= 0) throw portalError(deps, 429, 'link-locked');
      const message = form.answer.trim() === '' ? m.check.empty : `${m.check.mismatch} ${m.check.attemptsLeft(left)}`;
      throw new PortalPageException(422, checkPage(m, deps.agency, { action: `/portal/l/${token}`, error: message, method: form.method }));
    }
    const session = signToken(deps.linkSecret, { kind: 'session', accountId: link.accountId, linkId: link.linkId, linkExpiresAt: link.expiresAt, expiresAt: deps.wallClock.now().getTime() + SESSION_MINUTES * 60_000 });
    return { url: `/portal/s/${session}`, statusCode: 303 };
  }
}
