import { CancelAccountHandler } from './cancel-account/cancel-account.handler';
import { CancelAccountController } from './cancel-account/cancel-account.http.controller';
import { CloseAccountByStaffHandler } from './close-account-by-staff/close-account-by-staff.handler';
import { CloseAccountByStaffController } from './close-account-by-staff/close-account-by-staff.http.controller';
import {
  ClearDisputeHandler,
  ClearPlanHandler,
  InboundCommandsHandler,
  NoteContactAttemptHandler,
  NoteDisputeHandler,
  NotePaymentHandler,
  NotePlanHandler,
} from './note-collection-work/note-collection-work.handlers';
import { RecallAccountHandler } from './recall-account/recall-account.handler';
import { RecallAccountController } from './recall-account/recall-account.http.controller';
import { ReportDirectPaymentHandler } from './report-direct-payment/report-direct-payment.handler';
import { ReportDirectPaymentController } from './report-direct-payment/report-direct-payment.http.controller';

/** The use cases after placement (recall, cancel, staff close, direct payment) and what they hear from other services; kept together so the module names them once. */
export const afterPlacementControllers = [RecallAccountController, CancelAccountController, CloseAccountByStaffController, ReportDirectPaymentController];

export const afterPlacementHandlers = [
  RecallAccountHandler,
  CancelAccountHandler,
  CloseAccountByStaffHandler,
  ReportDirectPaymentHandler,
  NotePaymentHandler,
  NoteContactAttemptHandler,
  NoteDisputeHandler,
  ClearDisputeHandler,
  NotePlanHandler,
  ClearPlanHandler,
  InboundCommandsHandler,
];
