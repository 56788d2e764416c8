import { signToken } from '../../domain/links/signed-token';
import type { PortalDependencies } from '../../portal.dependencies';

/** How long a personal link works: long enough for a letter to arrive and be acted on. */
export const LINK_DAYS = 60;

/** The signed personal link of an account (see docs/portal.md). */
export function personalLink(deps: Pick<PortalDependencies, 'linkSecret' | 'publicUrl' | 'wallClock'>, accountId: string, linkId: string, expiresAt?: Date) {
  const expires = expiresAt ?? new Date(deps.wallClock.now().getTime() + LINK_DAYS * 86_400_000);
  const token = signToken(deps.linkSecret, { kind: 'link', accountId, linkId, expiresAt: expires.getTime() });
  return { linkId, token, url: `${deps.publicUrl}/portal/l/${token}`, expiresAt: expires };
}
