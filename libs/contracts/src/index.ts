export * from './validate';
export * from './contract';
export * from './intake-accounts/intake-accounts.contracts';
export * from './contact-cases/contact-cases.contracts';
export * from './payments-ledger/payments-ledger.contracts';
export * from './legal-referrals/legal-referrals.contracts';
export * from './audit/audit.contracts';
