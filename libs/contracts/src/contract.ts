import { Infer, ObjectSchema, Schema } from './schema';
import { ContractViolation } from './validate';

/** The services of the system, as named in topics, consumer groups and the topic map. */
export type ServiceName = 'client-intake' | 'debtor-contact' | 'payments' | 'legal-referral' | 'reporting';

/** One integration event type of the published language: its topic, versioned name and shape. */
export interface Contract<Data> {
  topic: string;
  /** Versioned name, e.g. `PaymentPosted.v2`: the `message-type` header. */
  type: string;
  summary: string;
  schema: Schema<Data>;
  /** The services that subscribe to this type (the topic map is generated from it). */
  consumers: readonly ServiceName[];
  /** Validates a received payload; throws ContractViolation naming every problem. */
  parse(value: unknown): Data;
}

/**
 * A superseded version: still declared, because messages of it stay on the topics (they are
 * kept forever), and upcast on arrival to its successor, which is what consumers handle.
 */
export interface SupersededContract<Data, Next> extends Contract<Data> {
  supersededBy: Contract<Next>;
  /** Pure: the successor's payload from a valid payload of this version. */
  upcast(data: Data): Next;
}

export interface ContractDeclaration<S extends ObjectSchema<any>> {
  topic: string;
  type: string;
  summary: string;
  schema: S;
  consumers: readonly ServiceName[];
}

export function contract<S extends ObjectSchema<any>>(declaration: ContractDeclaration<S>): Contract<Infer<S>> {
  const { topic, type, summary, schema, consumers } = declaration;
  return {
    topic,
    type,
    summary,
    schema: schema as Schema<Infer<S>>,
    consumers,
    parse(value: unknown): Infer<S> {
      const problems = schema.problems(value, '');
      if (problems.length > 0) throw new ContractViolation(type, problems);
      return value as Infer<S>;
    },
  };
}

/** Marks `older` as superseded by `newer`, with the upcaster between them. */
export function superseded<Data, Next>(older: Contract<Data>, newer: Contract<Next>, upcast: (data: Data) => Next): SupersededContract<Data, Next> {
  return { ...older, supersededBy: newer, upcast };
}

export function isSuperseded(contract: Contract<unknown>): contract is SupersededContract<unknown, unknown> {
  return 'supersededBy' in contract;
}

/** The payload type a contract declares. */
export type DataOf<C> = C extends Contract<infer D> ? D : never;
