import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { LegalPipelineView } from './legal-pipeline.view';

export class GetLegalPipeline extends Query<LegalPipelineView> {
  constructor(readonly principal: Principal) {
    super();
  }
}
