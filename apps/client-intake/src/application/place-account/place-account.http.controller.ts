import { Body, Controller, Headers, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { JsonResponse } from '@lib/platform';
import { handleCommand, nameBasedId } from '@lib/es-core';
import { invalidRequest, parseRequest, principalOf, PrincipalRequest, refusalAnswer, replyOnce, Roles, validPartsOf } from '@lib/platform';
import { accountDecider } from '../../domain/account/account.decider';
import { placementProblems } from '../../domain/account/place-account.decide';
import { accountStreamId, INTAKE, IntakeDependencies } from '../../client-intake.dependencies';
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
  @ApiBody({ type: PlaceAccountRequest })
  @ApiResponse({ status: 201, description: 'Acknowledged with the agency account id.' })
  @ApiResponse({ status: 400, description: 'Every invalid field and every contradiction between fields, with the reason.' })
  @ApiResponse({ status: 409, description: 'The client reference was already placed.' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was first used for a different request (rule idempotency-key-reused).' })
  async place(
    // `unknown`, so the global pipe leaves it to parsePlacement, which lists field and cross-field problems together.
    @Body() raw: unknown,
    @Req() request: PrincipalRequest,
    @Res() response: JsonResponse,
    @Headers('idempotency-key') key?: string,
  ): Promise<void> {
    const clientId = principalOf(request).id;
    const body = parsePlacement(raw, this.deps.clock.now());
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
        : refusalAnswer(409, outcome.rejection, { error: 'Conflict' });
    });
  }
}

/**
 * The request's field problems and the domain's rules across fields (run on what of the
 * request parsed) in one 400, so a client fixes a placement in one round. The decider
 * checks those rules again: they are its invariants, whoever calls it.
 */
function parsePlacement(raw: unknown, now: Date): PlaceAccountRequest {
  const { value, problems } = parseRequest(PlaceAccountRequest, raw);
  const invoices = validPartsOf(value, problems).invoices ?? [];
  const all = [...problems, ...placementProblems({ invoices: invoices.map((invoice) => invoice ?? {}), now })];
  if (all.length > 0) throw invalidRequest(all);
  return value;
}
