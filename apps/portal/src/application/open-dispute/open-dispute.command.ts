import { Command } from '@nestjs/cqrs';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import type { DisputeForm, UploadedDocument } from './open-dispute.request.dto';

/** The debtor disputes the debt, with a reason and a supporting document. */
export class OpenDispute extends Command<PortalRedirect> {
  constructor(
    readonly session: string,
    readonly form: DisputeForm,
    readonly document: UploadedDocument | undefined,
    readonly ip: string,
  ) {
    super();
  }
}
