/**
 * Accounts' histories as their endpoint answers them (the JSON, ready to send), each with
 * the number of audit entries it was made of, so that asking again for an account whose
 * audit trail has not changed costs a count instead of reading, ordering and serialising
 * every entry again (about 1 MB of JSON for 1,000 events).
 *
 * Sound because an account's audit trail only grows while anyone reads it: an entry is
 * written once and never changed or removed (`auditTrailProjection`), a rebuild while
 * serving leaves the audit trail alone (one of reporting's own logs), and the rebuild
 * command refuses to run while reporting is up. So the same number of entries is the same entries, and the answer
 * made from them is byte for byte the one they would make again. The count is taken from
 * the store on every ask (several processes may write it); a remembered answer is never
 * trusted without it.
 *
 * Bounded by the bytes kept (default 8 MiB), the accounts asked least recently forgotten
 * first; an answer larger than the bound, or an empty history, is not kept.
 */
export class RememberedHistories {
  private readonly answers = new Map<string, { entries: number; json: Buffer }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 8 * 1024 * 1024) {}

  /** Bytes of JSON kept, across accounts. */
  get size(): number {
    return this.bytes;
  }

  /**
   * The account's history as JSON: the one remembered when `countEntries` still finds the
   * number of entries it was made of, else `history()` serialised (and remembered).
   */
  async answer(accountId: string, countEntries: () => Promise<number>, history: () => Promise<readonly object[]>): Promise<Buffer> {
    const known = this.answers.get(accountId);
    if (known && (await countEntries()) === known.entries) {
      // Asked again: now the most recently asked.
      this.answers.delete(accountId);
      this.answers.set(accountId, known);
      return known.json;
    }
    const entries = await history();
    const json = Buffer.from(JSON.stringify(entries));
    this.remember(accountId, entries.length, json);
    return json;
  }

  private remember(accountId: string, entries: number, json: Buffer): void {
    this.forget(accountId);
    if (entries === 0 || json.length > this.maxBytes) return;
    this.answers.set(accountId, { entries, json });
    this.bytes += json.length;
    for (const [oldest, answer] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.answers.delete(oldest);
      this.bytes -= answer.json.length;
    }
  }

  private forget(accountId: string): void {
    const known = this.answers.get(accountId);
    if (!known) return;
    this.answers.delete(accountId);
    this.bytes -= known.json.length;
  }
}
