import type { Principal } from '@lib/es-core';
import type { AnalyticsQueries } from '../read-models/analytics.queries';
import { assertVisibleTo } from './client-visibility';

/**
 * Whether the caller may see a client's aging or liquidation: a client only its own (any
 * other answers 404 like a missing one, `client-unknown`), even before it placed anything;
 * staff any client these reports know of.
 */
export async function assertClientReportVisible(analytics: AnalyticsQueries, principal: Principal, clientId: string): Promise<void> {
  const known = (principal.role === 'client' && principal.id === clientId) || (await analytics.knowsClient(clientId));
  assertVisibleTo(principal, known ? clientId : null, { rule: 'client-unknown', reason: `no report of client ${clientId}` });
}
