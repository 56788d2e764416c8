import { Query } from '@nestjs/cqrs';
import type { AgencySigningKeyView } from './agency-signing-key.view';

export class GetAgencySigningKey extends Query<AgencySigningKeyView> {}
