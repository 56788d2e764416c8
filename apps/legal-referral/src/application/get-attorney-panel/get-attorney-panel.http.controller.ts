import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryEndpoint } from '@lib/platform';
import { PanelAttorneyView } from '../attorney-panel.view';
import { GetAttorneyPanel } from './get-attorney-panel.query';

/** Who the agency can forward to, where, for what fees, and how full each one is. */
@Controller('attorneys')
export class GetAttorneyPanelController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @QueryEndpoint({ roles: ['admin', 'legal', 'supervisor'], tag: 'attorneys', answer: [PanelAttorneyView], description: 'Every attorney of the panel, in the order they joined it.' })
  list(): Promise<PanelAttorneyView[]> {
    return this.queries.execute(new GetAttorneyPanel());
  }
}
