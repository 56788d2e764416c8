import { AddInvoiceHandler } from './add-invoice/add-invoice.handler';
import { AddInvoiceController } from './add-invoice/add-invoice.http.controller';
import { AdjustBalanceHandler } from './adjust-balance/adjust-balance.handler';
import { AdjustBalanceController } from './adjust-balance/adjust-balance.http.controller';
import { UpdateDebtorHandler } from './update-debtor/update-debtor.handler';
import { UpdateDebtorController } from './update-debtor/update-debtor.http.controller';

/** The changes to a placed account (an added invoice, a balance adjustment, a debtor update), kept together so the module names them once. */
export const accountChangeControllers = [AddInvoiceController, AdjustBalanceController, UpdateDebtorController];
export const accountChangeHandlers = [AddInvoiceHandler, AdjustBalanceHandler, UpdateDebtorHandler];
