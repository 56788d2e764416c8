import { ContractViolation, problemsOf, Shape } from './validate';

/** One integration event type of the published language: its topic, versioned name and shape. */
export interface Contract<Data> {
  topic: string;
  type: string;
  shape: Shape;
  /** Validates a received payload; throws ContractViolation naming every problem. */
  parse(value: unknown): Data;
}

export function contract<Data>(topic: string, type: string, shape: Shape): Contract<Data> {
  return {
    topic,
    type,
    shape,
    parse(value: unknown): Data {
      const problems = problemsOf(value, shape);
      if (problems.length > 0) throw new ContractViolation(type, problems);
      return value as Data;
    },
  };
}
