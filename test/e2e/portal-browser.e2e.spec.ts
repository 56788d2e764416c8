/**
 * The debtor portal in a real browser: headless Chromium (Debian's `chromium`, driven by
 * playwright-core) against the all-in-one. A debtor opens the personal link, passes the
 * check with the keyboard, pays part through the local checkout stand-in, sees the payment
 * and the new balance, and proposes a plan that is accepted; another debtor opens a
 * dispute with a document; a forged, expired, replaced (re-issued) or other account's link shows nothing. Each
 * page is written as a screenshot to test-results/portal/ (git-ignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { signToken } from '../../apps/portal/src/domain/links/signed-token';
import { PORTAL_TEST_LINK_SECRET, PortalHarness, startPortalHarness } from '../support/portal-harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'portal');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  process.stderr.write(`portal browser tests SKIPPED: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);
}

(haveChromium ? describe : describe.skip)('debtor portal in headless Chromium', () => {
  let harness: PortalHarness;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await startPortalHarness();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  /** Fields a screen reader cannot name: every input, select and textarea must have a label. */
  const unlabelled = (page: Page) =>
    page.evaluate<string[]>(
      "[...document.querySelectorAll('input, select, textarea')].filter((field) => field.type !== 'hidden' && field.labels.length === 0).map((field) => field.name || field.id)",
    );

  async function signIn(page: Page, url: string, answer: { method: 'invoice' | 'postcode'; value: string }): Promise<void> {
    await page.goto(url);
    await page.getByLabel(answer.method === 'invoice' ? 'An invoice number from our letter' : 'The postcode (ZIP code) of your address on file').check();
    await page.getByLabel('Invoice number or postcode').fill(answer.value);
    // Keyboard only: Enter submits the form.
    await page.getByLabel('Invoice number or postcode').press('Enter');
    await page.waitForURL(/\/portal\/s\//);
  }

  it('a debtor opens the link, passes the check, pays part, sees the new balance, and gets a plan accepted', async () => {
    const { accountId } = await harness.placeAccount();
    // The link printed on the debtor's first letter.
    const link = { url: await harness.letterLink(accountId) };
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });

    await page.goto(link.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Confirm it is you');
    expect(await page.content()).not.toContain('Jamie Rivera');
    await shot(page, '01-identity-check');
    expect(await unlabelled(page)).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.getByLabel('Invoice number or postcode').fill('INV-0000');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('does not match');
    await shot(page, '02-identity-check-mismatch');

    await signIn(page, link.url, { method: 'invoice', value: 'INV-1001' });
    await expect(page.getByTestId('balance').textContent()).resolves.toBe('$7,500.50');
    await expect(page.getByRole('row', { name: /INV-1002/ }).textContent()).resolves.toContain('$4,500.50');
    await expect(page.getByRole('heading', { name: 'Your rights' }).isVisible()).resolves.toBe(true);
    await shot(page, '03-account');
    expect(await unlabelled(page)).toEqual([]);
    // The skip link is the first thing the keyboard reaches.
    await page.keyboard.press('Tab');
    await expect(page.evaluate<string>('document.activeElement.textContent')).resolves.toBe('Skip to main content');

    await page.getByLabel('Amount to pay (USD)').fill('1000.00');
    await page.getByLabel('Card').check();
    await page.getByRole('button', { name: 'Continue to secure payment' }).click();
    await page.waitForURL(/\/portal\/checkout\//);
    await expect(page.getByTestId('checkout-amount').textContent()).resolves.toBe('$1,000.00');
    await shot(page, '04-local-checkout');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.waitForURL(/notice=paid/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Your payment was received');
    await expect(page.getByTestId('balance').textContent()).resolves.toBe('$6,500.50');
    await expect(page.getByRole('region', { name: 'Payments made' }).textContent()).resolves.toContain('$1,000.00');
    await shot(page, '05-paid');
    const ledger = await harness.ledger(accountId);
    expect(ledger.payments).toEqual([expect.objectContaining({ amount: 100_000, method: 'card' })]);

    await page.getByLabel('Number of installments').fill('3');
    await page.getByLabel('How often').selectOption('monthly');
    await page.getByLabel('First payment date').fill('2026-01-20');
    await page.getByRole('button', { name: 'Propose this plan' }).click();
    await page.waitForURL(/notice=plan-accepted/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Your payment plan is accepted');
    await expect(page.getByRole('region', { name: 'Your payment plan' }).textContent()).resolves.toContain('$6,500.50');
    await shot(page, '06-plan-accepted');

    // On a phone: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await shot(page, '07-account-phone');
    await page.close();
  });

  it('another debtor opens a dispute with a document, which puts the account on hold', async () => {
    const { accountId } = await harness.placeAccount();
    const link = await harness.issueLink(accountId);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, link.url, { method: 'postcode', value: '10118' });
    await page.getByLabel('Reason').selectOption('already-paid');
    await page.getByLabel('Tell us more (optional)').fill('I paid by check on 2025-12-20.');
    await page.getByLabel('Supporting document (PDF, PNG or JPEG, up to 5 MB)').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await shot(page, '08-dispute-form');
    await page.getByRole('button', { name: 'Send dispute' }).click();
    await page.waitForURL(/notice=dispute-opened/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Your dispute was received');
    await shot(page, '09-dispute-opened');
    expect(await harness.holdsInForce(accountId)).toEqual([{ kind: 'dispute', disputeId: expect.any(String) }]);
    await page.close();
  });

  it('a forged, expired, replaced or other account\'s link shows nothing of the account', async () => {
    const { accountId } = await harness.placeAccount();
    const other = await harness.placeAccount();
    const page = await browser.newPage();

    const forged = await page.goto(`${harness.baseUrl}/portal/l/${signToken('an-attacker-secret-that-is-long-enough', { kind: 'link', accountId, linkId: 'forged', expiresAt: Date.now() + 3_600_000 })}`);
    expect(forged?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This link does not work');
    expect(await page.content()).not.toMatch(/Jamie Rivera|INV-1001|7,500/);
    await shot(page, '10-forged-link');

    const expired = await page.goto(`${harness.baseUrl}/portal/l/${signToken(PORTAL_TEST_LINK_SECRET, { kind: 'link', accountId, linkId: 'expired', expiresAt: Date.now() - 1_000 })}`);
    expect(expired?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This link has expired');
    expect(await page.content()).not.toMatch(/Jamie Rivera|INV-1001|7,500/);
    await shot(page, '11-expired-link');

    // Signed in on one account, the session token edited to name the other: refused.
    const link = await harness.issueLink(accountId);
    await signIn(page, link.url, { method: 'invoice', value: 'INV-1002' });
    const session = page.url();
    const [version, body, signature] = new URL(session).pathname.split('/').pop()!.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const swapped = Buffer.from(JSON.stringify({ ...payload, accountId: other.accountId })).toString('base64url');
    const tampered = await page.goto(`${harness.baseUrl}/portal/s/${version}.${swapped}.${signature}`);
    expect(tampered?.status()).toBe(404);
    expect(await page.content()).not.toMatch(/Jamie Rivera|INV-1001|7,500/);
    await shot(page, '12-other-account');

    // A collector re-issues the link: the earlier one, and the session made from it, get nothing more.
    await harness.issueLink(accountId);
    for (const replaced of [link.url, session]) {
      expect((await page.goto(replaced))?.status()).toBe(410);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This link has been replaced');
      expect(await page.content()).not.toMatch(/Jamie Rivera|INV-1001|7,500/);
    }
    await shot(page, '13-replaced-link');
    await page.close();
  });
});
