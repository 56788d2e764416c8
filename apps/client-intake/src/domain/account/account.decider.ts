import { Decider, Decision } from '@lib/es-core';
import { decideAddInvoice } from './add-invoice.decide';
import { decideAdjustBalance } from './adjust-balance.decide';
import { decideUpdateDebtor } from './update-debtor.decide';
import { decideAuthorizeLegalReferral } from './authorize-legal-referral.decide';
import type { AccountCommand } from './account.commands';
import type { AccountEvent } from './account.events';
import { AccountState, evolveAccount, initialAccountState } from './account.state';
import { decideCancelAccount } from './cancel-account.decide';
import { decideCloseAccountByStaff } from './close-account-by-staff.decide';
import { decideCloseAccount } from './close-account.decide';
import { decideCloseTimeBarredAccount } from './close-time-barred-account.decide';
import { decideCloseSettledAccount } from './close-settled-account.decide';
import { decideWriteOffBalance } from './write-off-balance.decide';
import { decideImportAccount } from './import-account.decide';
import { decideClearDispute, decideNoteDispute } from './dispute-standing.decide';
import { decideClearPlan, decideNotePlan } from './plan-standing.decide';
import { decideNoteContactAttempt, decideNotePayment } from './note-collection-work.decide';
import { decidePlaceAccount } from './place-account.decide';
import { decideConvertToThirdParty, decideSendPreCollectionReminder } from './pre-collection';
import { decideRecallAccount } from './recall-account.decide';
import { decideReopenAfterReversal } from './reopen-after-reversal.decide';
import { decideReportDirectPayment } from './report-direct-payment.decide';

function decide(command: AccountCommand, state: AccountState): Decision<AccountEvent> {
  switch (command.type) {
    case 'PlaceAccount':
      return decidePlaceAccount(command, state);
    case 'CloseAccount':
      return decideCloseAccount(command, state);
    case 'ReopenAfterReversal':
      return decideReopenAfterReversal(command, state);
    case 'AuthorizeLegalReferral':
      return decideAuthorizeLegalReferral(command, state);
    case 'RecallAccount':
      return decideRecallAccount(command, state);
    case 'CancelAccount':
      return decideCancelAccount(command, state);
    case 'CloseAccountByStaff':
      return decideCloseAccountByStaff(command, state);
    case 'NotePayment':
      return decideNotePayment(command, state);
    case 'NoteContactAttempt':
      return decideNoteContactAttempt(command, state);
    case 'NoteDispute':
      return decideNoteDispute(command, state);
    case 'ClearDispute':
      return decideClearDispute(command, state);
    case 'NotePlan':
      return decideNotePlan(command, state);
    case 'ClearPlan':
      return decideClearPlan(command, state);
    case 'ReportDirectPayment':
      return decideReportDirectPayment(command, state);
    case 'ImportAccount':
      return decideImportAccount(command, state);
    case 'AddInvoice':
      return decideAddInvoice(command, state);
    case 'AdjustBalance':
      return decideAdjustBalance(command, state);
    case 'UpdateDebtor':
      return decideUpdateDebtor(command, state);
    case 'SendPreCollectionReminder':
      return decideSendPreCollectionReminder(command, state);
    case 'ConvertToThirdParty':
      return decideConvertToThirdParty(command, state);
    case 'CloseTimeBarredAccount':
      return decideCloseTimeBarredAccount(command, state);
    case 'CloseSettledAccount':
      return decideCloseSettledAccount(command, state);
    case 'WriteOffBalance':
      return decideWriteOffBalance(command, state);
  }
}

/** One account per placement, stream `account-<accountId>`. */
export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide,
};
