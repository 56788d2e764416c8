import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { PortfolioView } from './portfolio.view';

export class GetPortfolio extends Query<PortfolioView> {
  constructor(
    readonly clientId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
