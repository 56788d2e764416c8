import { Body, Controller, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { JsonResponse } from '@lib/platform';
import { handleCommand, nameBasedId } from '@lib/es-core';
import { principalOf, PrincipalRequest, replyOnce, Roles } from '@lib/platform';
import { accountDecider } from '../../domain/account/account.decider';
import { accountStreamId, INTAKE, IntakeDependencies } from '../../client-intake.ports';
import { PlaceAccountRequest } from './place-account.request.dto';

/**
 * A client places one delinquent account (one debtor, its invoices). The account id
 * follows from (client, client reference), so a second placement of a reference meets
 * the existing stream and is refused, atomically, by the event store.
 */
@ApiTags('placements')
@Controller('placements')
export class PlaceAccountController {
  constructor(@Inject(INTAKE) private readonly deps: IntakeDependencies) {}

  @Post()
  @Roles('client')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key returns the first answer.' })
  @ApiResponse({ status: 201, description: 'Acknowledged with the agency account id.' })
  @ApiResponse({ status: 400, description: 'Every invalid field, with the reason.' })
  @ApiResponse({ status: 409, description: 'The client reference was already placed.' })
  async place(
    @Body() body: PlaceAccountRequest,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    const clientId = principalOf(request).id;
    await replyOnce(this.deps, request, response, key, async (context) => {
      const accountId = nameBasedId(`placement:${clientId}`, body.clientReference);
      const outcome = await handleCommand(
        this.deps.eventStore,
        accountDecider,
        accountStreamId(accountId),
        { type: 'PlaceAccount', accountId, clientId, clientReference: body.clientReference, commercial: body.commercial, debtor: { ...body.debtor }, invoices: body.invoices.map((i) => ({ ...i })), now: context.now },
        context,
      );
      if (outcome.outcome !== 'rejected') {
        return { status: 201, body: { accountId, clientReference: body.clientReference, status: 'acknowledged' } };
      }
      const { rule, reason, details } = outcome.rejection;
      return rule === 'placement-invalid'
        ? { status: 400, body: { statusCode: 400, error: 'Bad Request', message: reason, problems: details?.problems } }
        : { status: 409, body: { statusCode: 409, error: 'Conflict', rule, message: reason } };
    });
  }
}
