import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SERVICE_DEPENDENCIES } from '@lib/platform';
import type { ReportingDependencies } from '../../reporting.dependencies';
import type { AgencySigningKeyView } from './agency-signing-key.view';
import { GetAgencySigningKey } from './get-agency-signing-key.query';

@QueryHandler(GetAgencySigningKey)
export class GetAgencySigningKeyHandler implements IQueryHandler<GetAgencySigningKey> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ReportingDependencies) {}

  async execute(): Promise<AgencySigningKeyView> {
    return { keys: [this.deps.signingKey.publicJwk], pem: this.deps.signingKey.publicPem };
  }
}
