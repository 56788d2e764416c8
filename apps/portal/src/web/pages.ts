import type { AccountSnapshot, AgencyContact } from '../portal.dependencies';
import { SELF_SERVICE_PLAN_LIMITS } from '../domain/plans/plan-proposal';
import type { Messages } from './messages.en';

/** Escapes text for HTML content and attribute values. */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** Digits after the decimal point of a currency (2 for USD, 0 for JPY). */
export function fractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function money(minor: number, currency: string, language = 'en'): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 10 ** fractionDigits(currency));
}

/** An amount typed by the debtor ("150", "150.5", "1,200.00") in minor units; null when it is not one. */
export function parseAmount(text: string, currency: string): number | null {
  const digits = fractionDigits(currency);
  const cleaned = text.trim().replace(/,/g, '');
  const pattern = digits === 0 ? /^\d{1,15}$/ : new RegExp(`^\\d{1,15}(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

function layout(m: Messages, title: string, body: string, agency: AgencyContact): string {
  return `<!doctype html>
<html lang="${esc(m.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} · ${esc(agency.name)}</title>
<link rel="stylesheet" href="/portal/assets/portal.css">
</head>
<body>
<a class="skip" href="#main">${esc(m.skipToContent)}</a>
<header class="site"><p class="agency">${esc(agency.name)}</p><p class="tagline">${esc(m.siteTitle)}</p></header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site"><p>${esc(m.footerSecure)}</p></footer>
</body>
</html>`;
}

function contactBlock(m: Messages, agency: AgencyContact): string {
  return `<section aria-labelledby="contact-heading" class="card">
<h2 id="contact-heading">${esc(m.contact.heading)}</h2>
<dl class="contact">
<dt>${esc(m.contact.phone)}</dt><dd><a href="tel:${esc(agency.phone.replace(/[^+\d]/g, ''))}">${esc(agency.phone)}</a></dd>
<dt>${esc(m.contact.email)}</dt><dd><a href="mailto:${esc(agency.email)}">${esc(agency.email)}</a></dd>
<dt>${esc(m.contact.address)}</dt><dd>${esc(agency.address)}</dd>
<dt>${esc(m.contact.hours)}</dt><dd>${esc(agency.hours)}</dd>
</dl>
</section>`;
}

export function checkPage(m: Messages, agency: AgencyContact, input: { action: string; error?: string; method?: string; answer?: string }): string {
  const method = input.method === 'postcode' ? 'postcode' : 'invoice';
  const error = input.error ? `<div class="alert" role="alert" id="check-error">${esc(input.error)}</div>` : '';
  const described = input.error ? 'answer-hint check-error' : 'answer-hint';
  const body = `<h1>${esc(m.check.title)}</h1>
<p>${esc(m.check.intro)}</p>
${error}
<form method="post" action="${esc(input.action)}" class="card">
<fieldset>
<legend>${esc(m.check.methodLegend)}</legend>
<div class="choice"><input type="radio" id="method-invoice" name="method" value="invoice"${method === 'invoice' ? ' checked' : ''}><label for="method-invoice">${esc(m.check.methodInvoice)}</label></div>
<div class="choice"><input type="radio" id="method-postcode" name="method" value="postcode"${method === 'postcode' ? ' checked' : ''}><label for="method-postcode">${esc(m.check.methodPostcode)}</label></div>
</fieldset>
<label for="answer">${esc(m.check.answerLabel)}</label>
<p class="hint" id="answer-hint">${esc(m.check.answerHint)}</p>
<input type="text" id="answer" name="answer" autocomplete="off" required maxlength="64" aria-describedby="${described}"${input.error ? ' aria-invalid="true"' : ''} value="${esc(input.answer ?? '')}">
<button type="submit">${esc(m.check.submit)}</button>
</form>
${contactBlock(m, agency)}`;
  return layout(m, m.check.title, body, agency);
}

export interface AccountPageInput {
  account: AccountSnapshot;
  sessionPath: string;
  today: string;
  notice?: string;
  error?: string;
}

export function accountPage(m: Messages, agency: AgencyContact, input: AccountPageInput): string {
  const { account, sessionPath } = input;
  const cur = account.currency;
  const notice = input.notice && m.notices[input.notice] ? `<div class="notice" role="status">${esc(m.notices[input.notice])}</div>` : '';
  const error = input.error ? `<div class="alert" role="alert">${esc(input.error)}</div>` : '';
  const invoices = account.invoices
    .map((invoice) => `<tr><th scope="row">${esc(invoice.number)}</th><td>${esc(invoice.dueDate)}</td><td class="num">${esc(money(invoice.amount, cur))}</td><td class="num">${esc(money(invoice.open, cur))}</td></tr>`)
    .join('\n');
  const payments =
    account.payments.length === 0
      ? `<p>${esc(m.account.noPayments)}</p>`
      : `<div class="scroll"><table>
<caption class="visually-hidden">${esc(m.account.paymentsHeading)}</caption>
<thead><tr><th scope="col">${esc(m.account.paymentDate)}</th><th scope="col" class="num">${esc(m.account.paymentAmount)}</th><th scope="col">${esc(m.account.paymentMethod)}</th></tr></thead>
<tbody>
${account.payments.map((payment) => `<tr><td>${esc(payment.postedAt.slice(0, 10))}</td><td class="num">${esc(money(payment.amount, cur))}${payment.reversed ? ` ${esc(m.account.reversed)}` : ''}</td><td>${esc(m.methods[payment.method] ?? payment.method)}</td></tr>`).join('\n')}
</tbody></table></div>`;
  const plan = account.activePlan
    ? `<section aria-labelledby="plan-now-heading" class="card">
<h2 id="plan-now-heading">${esc(m.account.planHeading)}</h2>
<p>${esc(m.account.planSummary(money(account.activePlan.paid, cur), money(account.activePlan.total, cur)))}</p>
<ol class="installments">${account.activePlan.installments.map((installment) => `<li>${esc(installment.dueDate)}: ${esc(money(installment.amount, cur))}</li>`).join('')}</ol>
</section>`
    : '';
  const canAct = account.caseOpen && account.balance > 0;
  const major = (account.balance / 10 ** fractionDigits(cur)).toFixed(fractionDigits(cur));
  const actions = !canAct
    ? `<p class="card">${esc(m.account.closed)}</p>`
    : `<section aria-labelledby="pay-heading" class="card">
<h2 id="pay-heading">${esc(m.pay.heading)}</h2>
<form method="post" action="${esc(sessionPath)}/payments">
<label for="amount">${esc(m.pay.amountLabel)} (${esc(cur)})</label>
<p class="hint" id="amount-hint">${esc(m.pay.amountHint(money(account.balance, cur)))}</p>
<input type="text" inputmode="decimal" id="amount" name="amount" required aria-describedby="amount-hint" value="${esc(major)}">
<fieldset><legend>${esc(m.pay.methodLegend)}</legend>
<div class="choice"><input type="radio" id="pay-card" name="method" value="card" checked><label for="pay-card">${esc(m.pay.card)}</label></div>
<div class="choice"><input type="radio" id="pay-ach" name="method" value="ach"><label for="pay-ach">${esc(m.pay.ach)}</label></div>
</fieldset>
<button type="submit">${esc(m.pay.submit)}</button>
</form>
</section>
${
  account.activePlan
    ? ''
    : `<section aria-labelledby="plan-heading" class="card">
<h2 id="plan-heading">${esc(m.plan.heading)}</h2>
<p class="hint">${esc(m.plan.intro(SELF_SERVICE_PLAN_LIMITS.maxInstallments, SELF_SERVICE_PLAN_LIMITS.maxDaysToFirstInstallment))}</p>
<form method="post" action="${esc(sessionPath)}/plans">
<label for="installments">${esc(m.plan.countLabel)}</label>
<input type="number" id="installments" name="installments" min="1" max="36" value="3" required>
<label for="frequency">${esc(m.plan.frequencyLabel)}</label>
<select id="frequency" name="frequency"><option value="monthly">${esc(m.plan.monthly)}</option><option value="biweekly">${esc(m.plan.biweekly)}</option><option value="weekly">${esc(m.plan.weekly)}</option></select>
<label for="firstDueDate">${esc(m.plan.firstDateLabel)}</label>
<input type="date" id="firstDueDate" name="firstDueDate" min="${esc(input.today)}" value="${esc(input.today)}" required>
<button type="submit">${esc(m.plan.submit)}</button>
</form>
</section>`
}
<section aria-labelledby="dispute-heading" class="card">
<h2 id="dispute-heading">${esc(m.dispute.heading)}</h2>
<p class="hint">${esc(m.dispute.intro)}</p>
<form method="post" action="${esc(sessionPath)}/disputes" enctype="multipart/form-data">
<label for="reason">${esc(m.dispute.reasonLabel)}</label>
<select id="reason" name="reason" required><option value=""></option>${Object.entries(m.dispute.reasons).map(([value, label]) => `<option value="${esc(value)}">${esc(label)}</option>`).join('')}</select>
<label for="details">${esc(m.dispute.detailsLabel)}</label>
<textarea id="details" name="details" rows="4" maxlength="2000"></textarea>
<label for="document">${esc(m.dispute.documentLabel)}</label>
<input type="file" id="document" name="document" accept="application/pdf,image/png,image/jpeg" required>
<button type="submit" class="secondary">${esc(m.dispute.submit)}</button>
</form>
</section>`;
  const rights = account.commercial
    ? ''
    : `<section aria-labelledby="rights-heading" class="card rights">
<h2 id="rights-heading">${esc(m.rights.heading)}</h2>
${m.rights.body.map((paragraph) => `<p>${esc(paragraph)}</p>`).join('\n')}
</section>`;
  const body = `<h1>${esc(m.account.title)}</h1>
<p>${esc(m.account.greeting(account.debtorName))}</p>
${notice}${error}
<section aria-labelledby="balance-heading" class="card balance">
<h2 id="balance-heading">${esc(m.account.balanceLabel)}</h2>
<p class="amount" data-testid="balance">${esc(money(account.balance, cur))}</p>
</section>
<section aria-labelledby="invoices-heading" class="card">
<h2 id="invoices-heading">${esc(m.account.invoicesHeading)}</h2>
<div class="scroll"><table>
<caption class="visually-hidden">${esc(m.account.invoicesHeading)}</caption>
<thead><tr><th scope="col">${esc(m.account.invoiceNumber)}</th><th scope="col">${esc(m.account.dueDate)}</th><th scope="col" class="num">${esc(m.account.original)}</th><th scope="col" class="num">${esc(m.account.open)}</th></tr></thead>
<tbody>
${invoices}
</tbody></table></div>
</section>
<section aria-labelledby="payments-heading" class="card">
<h2 id="payments-heading">${esc(m.account.paymentsHeading)}</h2>
${payments}
</section>
${plan}
${actions}
${rights}
${contactBlock(m, agency)}`;
  return layout(m, m.account.title, body, agency);
}

export function checkoutPage(m: Messages, agency: AgencyContact, input: { action: string; cancelUrl: string; amount: number; currency: string; method: string }): string {
  const body = `<h1>${esc(m.checkout.title)}</h1>
<p>${esc(m.checkout.intro)}</p>
<div class="card">
<dl class="contact"><dt>${esc(m.checkout.amount)}</dt><dd data-testid="checkout-amount">${esc(money(input.amount, input.currency))}</dd><dt>${esc(m.checkout.method)}</dt><dd>${esc(m.methods[input.method] ?? input.method)}</dd></dl>
<form method="post" action="${esc(input.action)}"><button type="submit">${esc(m.checkout.pay)}</button></form>
<p><a href="${esc(input.cancelUrl)}">${esc(m.checkout.cancel)}</a></p>
</div>`;
  return layout(m, m.checkout.title, body, agency);
}

export function errorPage(m: Messages, agency: AgencyContact, key: string): string {
  const error = m.errors[key] ?? m.errors['bad-request'];
  return layout(m, error.title, `<h1>${esc(error.title)}</h1>\n<p>${esc(error.body)}</p>\n${contactBlock(m, agency)}`, agency);
}
