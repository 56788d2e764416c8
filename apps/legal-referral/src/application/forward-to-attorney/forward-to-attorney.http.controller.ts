import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@lib/es-core';
import { CommandEndpoint, Ctx, UuidParam } from '@lib/platform';
import { ReferralView } from '../referral.view';
import { ForwardToAttorney } from './forward-to-attorney.command';
import { ForwardToAttorneyRequest } from './forward-to-attorney.request.dto';

/**
 * Legal forwards an authorized account to a receiving attorney of the agency's panel for
 * the debtor's jurisdiction (named and checked, or picked by the panel's rule), if the account still meets the legal criteria now.
 * The agency stays the forwarder: correspondence with the attorney flows through it.
 */
@Controller('referrals/:accountId/forwarding')
export class ForwardToAttorneyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @CommandEndpoint({ roles: ['legal', 'supervisor'], tag: 'referrals', uuidParams: ['accountId'], answer: ReferralView, description: 'Forwarded: the case with its panel attorney.', problems: { 404: 'No referral case for the account (rule referral-unknown).', 409: 'Rule referral-not-authorized, already-forwarded or referral-closed; a legal criterion that no longer holds, named by the first that fails (e.g. within-statute-of-limitations, balance-at-least-5000); the named attorney does not cover the debtor jurisdiction (attorney-jurisdiction-mismatch) or has no place left (attorney-at-capacity); no panel attorney covers it with a place left (no-panel-attorney-available). Nothing is stored.', 422: 'The named attorney is not on the panel (rule attorney-not-on-panel).' } })
  forward(@UuidParam('accountId') accountId: string, @Body() body: ForwardToAttorneyRequest, @Ctx() context: CommandContext): Promise<ReferralView> {
    return this.commands.execute(new ForwardToAttorney(accountId, body, context));
  }
}
