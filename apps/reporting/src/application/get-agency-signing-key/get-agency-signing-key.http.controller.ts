import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { AgencySigningKeyView } from './agency-signing-key.view';
import { GetAgencySigningKey } from './get-agency-signing-key.query';

/**
 * The public key that checks history exports, for anyone (a regulator needs no account):
 * a JWK Set (so `--jwks-url` of the verifier, or any JOSE library, can use it) and PEM.
 */
@Controller('.well-known/agency-signing-key')
export class GetAgencySigningKeyController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Public()
  @ApiTags('audit')
  @ApiOkResponse({ type: AgencySigningKeyView, description: "The agency's Ed25519 public key as a JWK Set of one key, and in PEM." })
  get(): Promise<AgencySigningKeyView> {
    return this.queries.execute(new GetAgencySigningKey());
  }
}
