import { AUDIT_EVENTS, AuditRecord } from './audit/audit.contracts';
import {
  ContactAttemptRecorded,
  CONTACT_CASES,
  NoticeSent,
  PaymentPlanAgreed,
  PaymentPlanCompleted,
  PaymentPlanDefaulted,
  PlanInstallmentMissed,
  PromiseBroken,
  PromiseKept,
  PromiseToPayMade,
} from './contact-cases/contact-cases.contracts';
import { AccountHoldLifted, AccountHoldPlaced, BankruptcyDischarged, BankruptcyFiled, DisputeDocumentsRequested, DisputeOpened, DisputeResolved } from './contact-cases/holds.contracts';
import { SettlementAwaitingClient, SettlementDecidedByClient, SettlementDeclined, SettlementOffered, SettlementPaid } from './contact-cases/settlements.contracts';
import { WriteOffApproved, WriteOffDeclined, WriteOffRequested } from './contact-cases/write-offs.contracts';
import { COMPLIANCE_DECISIONS, CommandAllowed, CommandRefused } from './compliance/compliance-decisions.contracts';
import { Contract, isSuperseded, ServiceName } from './contract';
import { AccountClosed, AccountPlacedV1, AccountPlacedV2, AccountRecalled, AccountReopened, DirectPaymentReported, INTAKE_ACCOUNTS, LegalReferralAuthorized, MigratedPaymentImported } from './intake-accounts/intake-accounts.contracts';
import { BalanceAdjusted, DebtorUpdated, InvoiceAdded, OpenBalanceChanged } from './intake-accounts/account-changes.contracts';
import { ConvertedToThirdParty, PreCollectionReminderSent } from './intake-accounts/pre-collection.contracts';
import { AgreementVersionPublished, INTAKE_CLIENTS, OnboardingAgreementPublished } from './intake-clients/intake-clients.contracts';
import { AccountTimeBarred } from './legal-referrals/statute-of-limitations.contracts';
import { LEGAL_REFERRALS, LegalStageChangedV1, LegalStageChangedV2 } from './legal-referrals/legal-referrals.contracts';
import { PlacementBatchCompleted } from './intake-clients/placement-batches.contracts';
import {
  AccountPaidInFull,
  CommissionCorrected,
  CreditRefunded,
  CostAdvanceStepRecorded,
  PAYMENTS_LEDGER,
  PaymentPostedV1,
  PaymentPostedV2,
  PaymentPostedV3,
  PaymentReversedV1,
  PaymentReversedV2,
} from './payments-ledger/payments-ledger.contracts';
import { PAYMENTS_REMITTANCES, RemittanceIssuedV1 } from './payments-remittances/payments-remittances.contracts';

export interface TopicDeclaration {
  name: string;
  publishers: readonly ServiceName[];
  /** What the message key is (it decides the partition, hence the order kept). */
  key: string;
  description: string;
}

export const ALL_SERVICES: readonly ServiceName[] = ['client-intake', 'debtor-contact', 'payments', 'legal-referral', 'reporting'];

export const TOPICS: readonly TopicDeclaration[] = [
  { name: INTAKE_ACCOUNTS, publishers: ['client-intake'], key: 'account id', description: 'The life of a placed account as the client and the agency see it.' },
  { name: INTAKE_CLIENTS, publishers: ['client-intake'], key: 'client id', description: "A client's agreement with the agency, version by version, and its bulk placement batches as they finish." },
  { name: CONTACT_CASES, publishers: ['debtor-contact'], key: 'account id', description: 'Work on the debtor: notices, contact attempts, promises and how they ended, payment plans, holds and disputes.' },
  { name: PAYMENTS_LEDGER, publishers: ['payments'], key: 'account id', description: "Money on the account's ledger." },
  { name: LEGAL_REFERRALS, publishers: ['legal-referral'], key: 'account id', description: 'The legal pipeline.' },
  { name: PAYMENTS_REMITTANCES, publishers: ['payments'], key: 'client id', description: "A client's remittance statements, as they are issued." },
  {
    name: COMPLIANCE_DECISIONS,
    publishers: ['debtor-contact', 'payments', 'legal-referral'],
    key: 'account id',
    description: 'The refusals of the compliance decision ledger: every command on an account a rule refused, in every service.',
  },
  {
    name: AUDIT_EVENTS,
    publishers: ['client-intake', 'debtor-contact', 'payments', 'legal-referral'],
    key: 'stream id',
    description: 'Every stored domain event of an account, for the compliance audit trail.',
  },
];

/**
 * Every integration event type, current and superseded, in topic order. The AsyncAPI
 * document and the topic map are generated from this list.
 */
export const PUBLISHED_LANGUAGE: readonly Contract<any>[] = [
  AccountPlacedV1,
  AccountPlacedV2,
  AccountClosed,
  AccountReopened,
  AccountRecalled,
  DirectPaymentReported,
  MigratedPaymentImported,
  InvoiceAdded,
  BalanceAdjusted,
  DebtorUpdated,
  LegalReferralAuthorized,
  SettlementDecidedByClient,
  PreCollectionReminderSent,
  ConvertedToThirdParty,
  AgreementVersionPublished,
  OnboardingAgreementPublished,
  PlacementBatchCompleted,
  NoticeSent,
  ContactAttemptRecorded,
  PromiseToPayMade,
  PromiseKept,
  PromiseBroken,
  PaymentPlanAgreed,
  PlanInstallmentMissed,
  PaymentPlanDefaulted,
  PaymentPlanCompleted,
  AccountHoldPlaced,
  AccountHoldLifted,
  BankruptcyFiled,
  BankruptcyDischarged,
  DisputeOpened,
  DisputeDocumentsRequested,
  DisputeResolved,
  SettlementOffered,
  SettlementAwaitingClient,
  SettlementDeclined,
  SettlementPaid,
  WriteOffRequested,
  WriteOffApproved,
  WriteOffDeclined,
  PaymentPostedV1,
  PaymentPostedV2,
  PaymentPostedV3,
  PaymentReversedV1,
  PaymentReversedV2,
  AccountPaidInFull,
  OpenBalanceChanged,
  CommissionCorrected,
  CreditRefunded,
  CostAdvanceStepRecorded,
  AccountTimeBarred,
  RemittanceIssuedV1,
  LegalStageChangedV1,
  LegalStageChangedV2,
  CommandRefused,
  CommandAllowed,
  AuditRecord,
];

/** The contract of a `message-type`, current or superseded. */
export function contractOfType(type: string): Contract<unknown> | undefined {
  return PUBLISHED_LANGUAGE.find((c) => c.type === type);
}

/**
 * Brings a received payload up to the newest version of its type: validated against each
 * version on the way, upcast from each superseded one. Unknown types come back as they are.
 */
export function upcastMessage(type: string, value: unknown): { type: string; value: unknown } {
  let current = { type, value };
  for (let contract = contractOfType(type); contract && isSuperseded(contract); contract = contractOfType(current.type)) {
    current = { type: contract.supersededBy.type, value: contract.upcast(contract.parse(current.value)) };
  }
  return current;
}

/** The newest version a `message-type` upcasts to (itself when it is current or unknown). */
export function newestTypeOf(type: string): string {
  let contract = contractOfType(type);
  let newest = type;
  while (contract && isSuperseded(contract)) {
    newest = contract.supersededBy.type;
    contract = contractOfType(newest);
  }
  return newest;
}
