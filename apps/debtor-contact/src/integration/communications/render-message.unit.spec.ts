import { communicationsDecider } from '../../domain/communications/communications.decider';
import { itemizationOf } from '../../domain/communications/itemization';
import { MessageQueued } from '../../domain/communications/message.events';
import { MONDAY_10_NEW_YORK } from '../../domain/contact-case/contact-case.fixtures';
import { textLinesOfLetter } from './pdf-text';
import { renderMessage } from './render-message';

/** The validation notice and its email for a consumer placed Monday 2026-01-05. */
function queuedFirstNotice(): MessageQueued['data'][] {
  const decided = communicationsDecider.decide(
    {
      type: 'OpenContactCase',
      accountId: '5b1c0f3e-1111-4222-8333-944455556666',
      clientId: 'client-1',
      commercial: false,
      debtor: { kind: 'person', legalName: 'Pat Doe', country: 'US', region: 'NY' },
      currency: 'USD',
      placedAmount: 700_050,
      now: MONDAY_10_NEW_YORK,
      firstNotice: {
        clientReference: 'NW-1',
        itemization: itemizationOf([{ number: 'INV-1', dueDate: '2025-12-15', originalAmount: 750_050 }], 700_050, 'USD'),
        email: 'pat.doe@example.com',
      },
    },
    communicationsDecider.initialState(),
  );
  if (!Array.isArray(decided)) throw new Error('refused');
  return decided.filter((e): e is MessageQueued => e.type === 'MessageQueued').map((e) => e.data);
}

/**
 * The bytes of validation-notice v1 for the data above. If this changes, the renderer or
 * pdfkit changed: letters already sent would no longer render to what was sent, so the
 * change needs new template versions (and the old renderer kept for the old ones).
 */
const VALIDATION_NOTICE_V1_SHA256 = 'd93f76a117f75481552d8a78bf45c3858f7ab39437098c8e5a180d28eefc92da';

describe('rendering a letter', () => {
  it('makes a PDF that shows the itemization, the same bytes every time', async () => {
    const [letter] = queuedFirstNotice();
    const first = await renderMessage(letter);
    const again = await renderMessage(structuredClone(letter));
    expect(first.pdf!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(again.pdf!.equals(first.pdf!)).toBe(true);
    expect(again.contentSha256).toBe(first.contentSha256);
    expect(textLinesOfLetter(first.pdf!)).toEqual(
      expect.arrayContaining([
        'Validation notice',
        'As of 2025-12-15, you owed: USD 7500.50',
        '  You were charged this amount in interest: + USD 0.00',
        '  You were charged this amount in fees: + USD 0.00',
        '  You paid or were credited this amount toward the debt: - USD 500.00',
        'Total amount of the debt now: USD 7000.50',
      ]),
    );
    expect(first.pdf!.length).toBeLessThan(16_384);
  });

  it('renders validation-notice v1 to the bytes it always has (pinned by hash)', async () => {
    const [letter] = queuedFirstNotice();
    expect((await renderMessage(letter)).contentSha256).toBe(VALIDATION_NOTICE_V1_SHA256);
  });

  it('renders the email version as text, hashed, with the same itemization', async () => {
    const [, email] = queuedFirstNotice();
    const rendered = await renderMessage(email);
    expect(rendered.pdf).toBeUndefined();
    expect(rendered.subject).toBe('Validation notice about account 5B1C0F3E');
    expect(rendered.text).toContain('Total amount of the debt now: USD 7000.50');
    expect(rendered.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
