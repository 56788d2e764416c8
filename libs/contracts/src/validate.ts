/**
 * A received message that does not match its contract is refused with every problem
 * named (it then goes to the dead-letter topic instead of corrupting a consumer).
 */
export class ContractViolation extends Error {
  constructor(
    readonly type: string,
    readonly problems: string[],
  ) {
    super(`${type} violates its contract: ${problems.join('; ')}`);
    this.name = 'ContractViolation';
  }
}
