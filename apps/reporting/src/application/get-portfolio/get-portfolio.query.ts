import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { PortfolioView } from './portfolio.view';

export class GetPortfolio extends Query<PortfolioView> {
  constructor(
    readonly clientId: string,
    readonly principal: Principal,
    /** An ISO instant: the portfolio as it stood then; null: as it stands now. */
    readonly asOf: string | null = null,
  ) {
    super();
  }
}
