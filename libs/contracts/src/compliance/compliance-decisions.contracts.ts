import { contract, DataOf } from '../contract';
import { s } from '../schema';

/**
 * The compliance decision ledger's refusals, from every service that refuses commands on
 * accounts, keyed by account id.
 */
export const COMPLIANCE_DECISIONS = 'compliance.decisions';

/**
 * A command on an account was refused by a rule: the record a refusal leaves where it
 * leaves no domain event (a forwarding, a payment, a promise, a plan) and the contact
 * attempts a contact rule denied. Each service stores it first on the account's
 * `compliance-<accountId>` stream (an audit stream, not the aggregate's).
 */
export const CommandRefused = contract({
  topic: COMPLIANCE_DECISIONS,
  type: 'CommandRefused.v1',
  summary: 'A command on an account was refused by a rule (name and version); the refusal changed nothing on the account.',
  consumers: ['reporting'],
  schema: s.object({
    /** The service that refused, e.g. `payments`. */
    service: s.string(),
    accountId: s.string(),
    /** Null where the refusing service did not know the client (e.g. an unknown ledger). */
    clientId: s.nullable(s.string()),
    /** The refused command, e.g. `PostPayment`, `ForwardToAttorney`, `RecordContact`. */
    command: s.string(),
    rule: s.string(),
    /** The rule's version where it is a versioned compliance rule (the contact rule pack); null for a rule of the domain without versions. */
    ruleVersion: s.nullable(s.int()),
    reason: s.string(),
    /** Who asked: the principal id (a collector, a client's key, a service). */
    principalId: s.string(),
    refusedAt: s.instant(),
  }),
});
export type CommandRefusedV1 = DataOf<typeof CommandRefused>;
