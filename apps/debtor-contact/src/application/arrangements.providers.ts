import { AgreePaymentPlanController } from './agree-payment-plan/agree-payment-plan.http.controller';
import { AgreePaymentPlanHandler } from './agree-payment-plan/agree-payment-plan.handler';
import { CheckPlanInstallmentHandler } from './check-plan-installment/check-plan-installment.handler';
import { ArrangementChecksWork } from './check-promise/arrangement-checks.work';
import { CheckPromiseHandler } from './check-promise/check-promise.handler';
import { NotePaymentReversalHandler } from './note-payment-reversal/note-payment-reversal.handler';
import { NotePaymentHandler } from './note-payment/note-payment.handler';
import { TrackPromiseHandler } from './track-promise/track-promise.handler';

/** Promises to pay and payment plans (docs/debtor-contact.md, "Promises and payment plans"): endpoints, then handlers and the scheduler's work. */
export const arrangementControllers = [AgreePaymentPlanController];
export const arrangementProviders = [AgreePaymentPlanHandler, TrackPromiseHandler, NotePaymentHandler, NotePaymentReversalHandler, CheckPromiseHandler, CheckPlanInstallmentHandler, ArrangementChecksWork];
