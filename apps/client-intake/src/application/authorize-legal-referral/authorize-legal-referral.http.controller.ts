import { Body, Controller, Headers, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { handleCommand } from '@lib/es-core';
import { JsonResponse, principalOf, PrincipalRequest, refusalAnswer, replyOnce, Roles } from '@lib/platform';
import { accountDecider } from '../../domain/account/account.decider';
import { accountStreamId, INTAKE, IntakeDependencies } from '../../client-intake.dependencies';

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
  @Roles('client')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer and records nothing again.' })
  @ApiOkResponse({ description: 'Authorization recorded.' })
  @ApiResponse({ status: 404, description: 'No such account of this client.' })
  @ApiResponse({ status: 409, description: 'The account is closed (rule account-closed).' })
  @ApiResponse({ status: 422, description: 'Consent missing (rule legal-authorization-incomplete), or the Idempotency-Key was first used for a different request (rule idempotency-key-reused).' })
  async authorize(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Body() body: AuthorizeLegalReferralRequest,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    await replyOnce(this.deps, request, response, key, async (context) => {
      const outcome = await handleCommand(
        this.deps.eventStore,
        accountDecider,
        accountStreamId(accountId),
        { type: 'AuthorizeLegalReferral', clientId: principalOf(request).id, ...body, now: context.now },
        context,
      );
      if (outcome.outcome !== 'rejected') return { status: 200, body: { accountId, legalAuthorized: true } };
      const { rule } = outcome.rejection;
      // Thrown, so not kept under the key: "not found" is no answer to pin.
      if (rule === 'account-unknown') throw new NotFoundException(`account ${accountId} not found`);
      return refusalAnswer(rule === 'account-closed' ? 409 : 422, outcome.rejection);
    });
  }
}
