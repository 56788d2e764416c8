import { DebtorUpdated } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { ReplaceCaseDebtor } from '../../application/replace-case-debtor/replace-case-debtor.command';
import { caseDebtorOf } from './published-debtor';

/** Intake updated the debtor: the case's debtor (contacts and their flags) is replaced by it, as the placement set it. */
export const replaceCaseDebtor = commandOn(DebtorUpdated, ({ accountId, debtor, changed }, context) => new ReplaceCaseDebtor(accountId, caseDebtorOf(debtor), changed, context));
