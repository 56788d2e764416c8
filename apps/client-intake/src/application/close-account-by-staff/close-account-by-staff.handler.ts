import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { decideOrRefuse, SERVICE_DEPENDENCIES } from '@lib/platform';
import { accountStreamId, IntakeDependencies } from '../../client-intake.dependencies';
import { accountDecider } from '../../domain/account/account.decider';
import type { ClosedAnswer } from '../cancel-account/cancel-account.request.dto';
import { CloseAccountByStaff } from './close-account-by-staff.command';

@CommandHandler(CloseAccountByStaff)
export class CloseAccountByStaffHandler implements ICommandHandler<CloseAccountByStaff> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: IntakeDependencies) {}

  async execute({ accountId, request, context }: CloseAccountByStaff): Promise<ClosedAnswer> {
    const { closingCode, reason } = request;
    const requester = { role: context.principal.role, id: context.principal.id };
    await decideOrRefuse(this.deps.eventStore, accountDecider, accountStreamId(accountId), { type: 'CloseAccountByStaff', closingCode, reason, requester, now: context.now }, context);
    return { accountId, closingCode };
  }
}
