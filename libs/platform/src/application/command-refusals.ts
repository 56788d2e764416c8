import { CommandAllowed as CommandAllowedContract, CommandRefused as CommandRefusedContract } from '@lib/contracts';
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

/**
 * A command on the account passed every rule it is judged by (`rules`, in the order asked):
 * the allowance beside the refusals on the compliance stream, so the ledger has both.
 */
export type CommandAllowed = DomainEvent<
  'CommandAllowed',
  { service: string; accountId: string; clientId: string | null; command: string; rules: Array<{ rule: string; ruleVersion: number | null }>; allowedAt: string }
>;

/** What a refusal (or an allowance) is recorded about. */
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
  /**
   * The rules the command is judged by. When given, an accepted command records that it
   * passed them (`CommandAllowed`); a command whose allowance the domain keeps itself (a
   * contact attempt's decisions) gives none.
   */
  rulesChecked?: readonly string[];
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

type RecordAllowance = { type: 'RecordAllowance'; target: RefusalTarget & { rulesChecked: readonly string[] }; now: Date };

const allowanceLedger: Decider<null, RecordAllowance, CommandAllowed> = {
  initialState: () => null,
  evolve: () => null,
  decide: ({ target, now }) => [
    {
      type: 'CommandAllowed',
      data: {
        service: target.service,
        accountId: target.accountId,
        clientId: target.clientId ?? null,
        command: target.command,
        rules: target.rulesChecked.map((rule) => ({ rule, ruleVersion: target.ruleVersion?.(rule) ?? null })),
        allowedAt: now.toISOString(),
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
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (error instanceof Refused && refusalStatus(error.rule) !== 404 && !target.recordedElsewhere?.(error.rule)) {
      await handleCommand(store, refusalLedger, complianceStreamId(target.accountId), { type: 'RecordRefusal', target, refused: error, now: context.now }, { ...context, dedupeByCausation: true }, { cache: false });
    }
    throw error;
  }
  const { rulesChecked } = target;
  if (rulesChecked && rulesChecked.length > 0) {
    // After the command's own events: a crash in between loses the allowance until the command is retried (same causation), which records it once.
    await handleCommand(store, allowanceLedger, complianceStreamId(target.accountId), { type: 'RecordAllowance', target: { ...target, rulesChecked }, now: context.now }, { ...context, dedupeByCausation: true }, { cache: false });
  }
  return result;
}

/** The published form of a stored `CommandRefused` or `CommandAllowed` (topic `compliance.decisions`); every service's gateway adds it. */
export function commandRefusalGateway(stored: RecordedEvent): OutgoingMessage[] {
  if (stored.type === 'CommandAllowed') {
    const { data } = stored as RecordedEvent<CommandAllowed>;
    return [integrationMessage(CommandAllowedContract, data.accountId, { ...data, principalId: stored.metadata.principal.id }, stored)];
  }
  if (stored.type !== 'CommandRefused') return [];
  const { data } = stored as RecordedEvent<CommandRefused>;
  return [integrationMessage(CommandRefusedContract, data.accountId, { ...data, principalId: stored.metadata.principal.id }, stored)];
}
