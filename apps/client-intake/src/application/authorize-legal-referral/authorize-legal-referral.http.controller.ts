import { Body, Controller, HttpCode, Inject, NotFoundException, ConflictException, Param, ParseUUIDPipe, Post, Req, UnprocessableEntityException } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { handleCommand } from '@lib/es-core';
import { principalOf, PrincipalRequest, requestContext, Roles } from '@lib/platform';
import { accountDecider } from '../../domain/account/account.decider';
import { accountStreamId, INTAKE, IntakeDependencies } from '../../client-intake.ports';

export class AuthorizeLegalReferralRequest {
  @ApiProperty({ description: 'The client agrees to the suit fee.' }) @IsBoolean() agreesToSuitFee!: boolean;
  @ApiProperty({ description: 'The client agrees to advance court costs.' }) @IsBoolean() agreesToAdvanceCosts!: boolean;
}

/** The client authorizes suit on one of its accounts (legal-referral acts on it). */
@ApiTags('accounts')
@Controller('accounts/:accountId/legal-authorization')
export class AuthorizeLegalReferralController {
  constructor(@Inject(INTAKE) private readonly deps: IntakeDependencies) {}

  @Post()
  @HttpCode(200)
  @Roles('client')
  @ApiOkResponse({ description: 'Authorization recorded.' })
  async authorize(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Body() body: AuthorizeLegalReferralRequest,
    @Req() request: PrincipalRequest,
  ): Promise<{ accountId: string; legalAuthorized: true }> {
    const context = requestContext(request, this.deps);
    const outcome = await handleCommand(
      this.deps.eventStore,
      accountDecider,
      accountStreamId(accountId),
      { type: 'AuthorizeLegalReferral', clientId: principalOf(request).id, ...body, now: context.now },
      context,
    );
    if (outcome.outcome === 'rejected') {
      const { rule, reason } = outcome.rejection;
      if (rule === 'account-unknown') throw new NotFoundException(`account ${accountId} not found`);
      if (rule === 'account-closed') throw new ConflictException({ statusCode: 409, rule, message: reason });
      throw new UnprocessableEntityException({ statusCode: 422, rule, message: reason });
    }
    return { accountId, legalAuthorized: true };
  }
}
