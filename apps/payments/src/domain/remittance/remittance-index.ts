import type { DomainEvent } from '@lib/es-core';

/**
 * Where a remittance id's statement is: the client whose `remittances-<clientId>` stream
 * holds it. Written before the statement is issued, so a statement never exists without
 * it (a pointer whose run was then refused points at nothing and reads as unknown).
 */
export type RemittanceFiled = DomainEvent<'RemittanceFiled', { remittanceId: string; clientId: string }>;

export const remittanceIndexStreamId = (remittanceId: string) => `remittance-${remittanceId}`;
