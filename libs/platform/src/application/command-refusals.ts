import { CommandRefused as CommandRefusedContract } from '@lib/contracts';
import { CommandContext, Decider, DomainEvent, handleCommand, RecordedEvent, StreamStore } from '@lib/es-core';
import { integrationMessage } from '@lib/integration';
import type { OutgoingMessage } from '@lib/message-bus';
import { Refused, refusalStatus } from '../http/refusal';

/** The account's compliance stream in a service's store: the refusals its commands met. */
export const complianceStreamId = (accountId: string) => `compliance-${accountId}`;
export const COMPLIANCE_STREAM_PREFIX = 'compliance-';

/**
 * A command on the account refused by a rule. An audit event on its own stream: the
 * aggregate the command addressed gets no event, so a refused command still changes
 * nothing any decider folds. Who asked is the event's metadata principal.
 */
export type CommandRefused = DomainEvent<
  'CommandRefused',
  { service: string; accountId: string; clientId: string | null; command: string; rule: string; ruleVersion: number | null; reason: string; refusedAt: string }
>;

/** What a refusal is recorded about. */
export interface RefusalTarget {
  service: string;
  accountId: string;
  /** The command's name as the ledger shows it, e.g. `PostPayment`. */
  command: string;
  clientId?: string | null;
  /** The version of the rule, where the refusing rule is versioned. */
  ruleVersion?: (rule: string) => number | null;
  /** Refusals the domain already keeps on the aggregate's own stream (contact rule denials): not recorded twice. */
  recordedElsewhere?: (rule: string) => boolean;
}

type RecordRefusal = { type: 'RecordRefusal'; target: RefusalTarget; refused: Refused; now: Date };

/** Every refusal is appended; the same command again (same causation, see below) finds it. */
const refusalLedger: Decider<null, RecordRefusal, CommandRefused> = {
  initialState: () => null,
  evolve: () => null,
  decide: ({ target, refused, now }) => [
    {
      type: 'CommandRefused',
      data: {
        service: target.service,
        accountId: target.accountId,
        clientId: target.clientId ?? null,
        command: target.command,
        rule: refused.rule,
        ruleVersion: target.ruleVersion?.(refused.rule) ?? null,
        reason: refused.message,
        refusedAt: now.toISOString(),
      },
    },
  ],
};

/**
 * Runs a command and, when a rule refuses it, records the refusal on the account's
 * compliance stream before the refusal goes back to the caller. "Not found" refusals (404)
 * are not recorded: there is no account to record them on. The record is deduplicated by
 * the command's causation (an HTTP retry under the same Idempotency-Key, a redelivered
 * message), so one refused command is one record.
 */
export async function recordingRefusals<T>(store: StreamStore, target: RefusalTarget, context: CommandContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Refused && refusalStatus(error.rule) !== 404 && !target.recordedElsewhere?.(error.rule)) {
      await handleCommand(store, refusalLedger, complianceStreamId(target.accountId), { type: 'RecordRefusal', target, refused: error, now: context.now }, { ...context, dedupeByCausation: true }, { cache: false });
    }
    throw error;
  }
}

/** The published form of a stored `CommandRefused` (topic `compliance.decisions`); every service's gateway adds it. */
export function commandRefusalGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (stored.type !== 'CommandRefused') return [];
  const { data } = stored as RecordedEvent<CommandRefused>;
  return [integrationMessage(CommandRefusedContract, data.accountId, { ...data, principalId: stored.metadata.principal.id }, stored)];
}
