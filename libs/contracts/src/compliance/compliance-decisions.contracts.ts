import { contract, DataOf } from '../contract';
import { s } from '../schema';

/**
 * The compliance decision ledger's refusals and allowances, from every service that judges
 * commands on accounts by rules, keyed by account id.
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

/**
 * A command on an account passed every rule it is judged by: the record an allowance leaves
 * beside the command's own events (a payment posted, a reversal, a forwarding, a plan),
 * so the ledger holds every allow as well as every deny. Stored first on the account's
 * `compliance-<accountId>` stream of the service that allowed it.
 */
export const CommandAllowed = contract({
  topic: COMPLIANCE_DECISIONS,
  type: 'CommandAllowed.v1',
  summary: 'A command on an account passed every rule it is judged by (each named, with its version where it has one).',
  consumers: ['reporting'],
  schema: s.object({
    /** The service that allowed it, e.g. `payments`. */
    service: s.string(),
    accountId: s.string(),
    /** Null where the allowing service does not name the client on the record (reporting resolves it from the account). */
    clientId: s.nullable(s.string()),
    /** The allowed command, e.g. `PostPayment`, `ForwardToAttorney`, `AgreePaymentPlan`. */
    command: s.string(),
    /** Every rule the command was judged by, in the order asked. */
    rules: s.array(s.object({ rule: s.string(), ruleVersion: s.nullable(s.int()) })),
    /** Who asked: the principal id. */
    principalId: s.string(),
    allowedAt: s.instant(),
  }),
});
export type CommandAllowedV1 = DataOf<typeof CommandAllowed>;
