import type { Principal } from '@lib/es-core';
import { Refused } from '@lib/platform';
import { webhookUrlProblem } from '../../integration/webhooks/url-guard';
import type { WebhookSettings } from '../../integration/webhooks/webhook-settings';

/**
 * A client reaches only its own endpoints; another client's answer the same 404 as a
 * client that does not exist, so existence does not leak. Staff (admins) see any.
 */
export function refuseUnlessOwnClient(principal: Principal, clientId: string): void {
  if (principal.role === 'client' && principal.id !== clientId) throw new Refused({ rule: 'client-unknown', reason: `client ${clientId} not found` });
}

/** The URL check of registration and update: a refused URL is the request's fault (422, rule webhook-url-refused). */
export async function refuseUnsafeUrl(url: string, settings: WebhookSettings): Promise<void> {
  const problem = await webhookUrlProblem(url, settings);
  if (problem) throw new Refused({ rule: 'webhook-url-refused', reason: `webhook URL refused: ${problem}`, details: { url } });
}
