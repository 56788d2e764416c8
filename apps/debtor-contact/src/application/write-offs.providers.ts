import { RequestWriteOffController } from './request-write-off/request-write-off.http.controller';
import { RequestWriteOffHandler } from './request-write-off/request-write-off.handler';

/** Write-offs, asked for here and decided on the approval queue (docs/debtor-contact.md, "Write-offs"). */
export const writeOffControllers = [RequestWriteOffController];
export const writeOffProviders = [RequestWriteOffHandler];
