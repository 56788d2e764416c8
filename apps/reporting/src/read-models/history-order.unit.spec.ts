import { HistoryLink, inCausalOrder } from './history-order';

/** `<service>/<stream>@<version>`, its event id the same text; caused by `causationId`. */
const event = (service: string, streamId: string, version: number, causationId = 'request:1'): HistoryLink => ({
  eventId: `${service}/${streamId}@${version}`,
  causationId,
  service,
  streamId,
  version,
});
const names = (entries: readonly HistoryLink[]) => entries.map((e) => e.eventId);

describe('the order of an account history', () => {
  it('keeps the given order where nothing was caused by a later event', () => {
    const given = [event('client-intake', 'account-1', 0), event('debtor-contact', 'contact-1', 0, 'client-intake/account-1@0:AccountPlaced.v1'), event('payments', 'ledger-1', 0)];
    expect(inCausalOrder(given)).toEqual(given);
  });

  it('moves an effect after its cause, whether it names the event itself or the message the event published', () => {
    const paid = event('payments', 'ledger-1', 3);
    const closed = event('client-intake', 'account-1', 1, `${paid.eventId}:AccountPaidInFull.v1`);
    const scheduled = event('debtor-contact', 'contact-1', 0, paid.eventId);
    expect(names(inCausalOrder([closed, scheduled, paid]))).toEqual([paid.eventId, closed.eventId, scheduled.eventId]);
  });

  it('keeps a stream in version order even where only an earlier version had to wait', () => {
    const paid = event('payments', 'ledger-1', 0);
    const closed = event('client-intake', 'account-1', 1, `${paid.eventId}:AccountPaidInFull.v1`);
    const noted = event('client-intake', 'account-1', 2);
    expect(names(inCausalOrder([closed, noted, paid]))).toEqual([paid.eventId, closed.eventId, noted.eventId]);
  });

  it('links nothing to a causation that names no listed event, nor an event to itself', () => {
    const first = event('payments', 'ledger-1', 0, 'request:abc');
    const second = event('client-intake', 'account-1', 0, 'client-intake/account-1@0');
    expect(inCausalOrder([first, second])).toEqual([first, second]);
  });

  it('lists every event once even when corrupt links form a cycle', () => {
    const a = event('client-intake', 'account-1', 0, 'payments/ledger-1@0:X.v1');
    const b = event('payments', 'ledger-1', 0, 'client-intake/account-1@0:Y.v1');
    const after = event('debtor-contact', 'contact-1', 0, 'payments/ledger-1@0:Z.v1');
    expect(names(inCausalOrder([a, b, after]))).toEqual([a.eventId, b.eventId, after.eventId]);
  });
});
