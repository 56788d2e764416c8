import type { Contract } from '@lib/contracts';
import type { IncomingMessage } from '@lib/message-bus';
import type { ProjectedEvent } from '@lib/read-models';

/** A message that cannot be placed in its source stream is retried, then dead-lettered. */
export class UnplaceableMessageError extends Error {
  constructor(type: string, messageId: string, problem: string) {
    super(`${type} message ${messageId}: ${problem}`);
    this.name = 'UnplaceableMessageError';
  }
}

/**
 * An integration message as the read models see it: the stored event that caused it
 * (its stream and version, from the headers the publishing relay sets), under the
 * contract's type.
 *
 * The version guard is kept per source stream *and contract type*: one stored event may
 * publish several contract types (a last payment: PaymentPosted and AccountPaidInFull,
 * with one source version), and each is a fact of its own, exactly as its message id
 * (`<eventId>:<type>`) says. Keyed by the stream alone, the second would look like a
 * duplicate of the first and be dropped. Messages of one type from one stream still
 * arrive in version order (one partition per account), so duplicates and replays of
 * that pair are recognised as before.
 */
export function projectedEventOf<Data extends object>(contract: Contract<Data>, data: Data, message: IncomingMessage): ProjectedEvent {
  const headers = message.headers;
  const sourceStream = headers['source-stream'];
  const version = Number(headers['source-version']);
  if (!sourceStream) throw new UnplaceableMessageError(contract.type, headers['message-id'], 'no source-stream header');
  if (headers['source-version'] === undefined || !Number.isSafeInteger(version) || version < 0) {
    throw new UnplaceableMessageError(contract.type, headers['message-id'], `source-version must be a version number, got ${String(headers['source-version'])}`);
  }
  return {
    streamId: `${sourceStream}#${contract.type}`,
    version,
    type: contract.type,
    data: data as Record<string, unknown>,
    metadata: {
      sourceStream,
      occurredAt: headers['occurred-at'],
      // The business date of an event imported as of an earlier day; absent, effective when it occurred.
      ...(headers['effective-at'] !== undefined ? { effectiveAt: headers['effective-at'] } : {}),
      messageId: headers['message-id'],
      eventId: headers['causation-id'],
      correlationId: headers['correlation-id'],
      principal: { role: headers['principal-role'], id: headers['principal-id'] },
    },
  };
}
