import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { ContactDependencies, contactStreamId, settlementAuthorityStreamId, settlementsStreamId } from '../../debtor-contact.dependencies';
import { contactCaseDecider } from '../../domain/contact-case/contact-case.decider';
import { settlementDecider } from '../../domain/settlements/settlement.decider';
import { paidToward } from '../../domain/settlements/settlement.state';
import { authorityInForce, settlementAuthorityDecider } from '../../domain/settlements/settlement-authority';
import { GetSettlements } from './get-settlements.query';
import type { SettlementsView } from './settlements.view';

@QueryHandler(GetSettlements)
export class GetSettlementsHandler implements IQueryHandler<GetSettlements> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: ContactDependencies) {}

  async execute({ accountId }: GetSettlements): Promise<SettlementsView> {
    const contactCase = await aggregateStream(this.deps.eventStore, contactCaseDecider, contactStreamId(accountId));
    if (contactCase.state.status === 'none') throw new Refused({ rule: 'case-unknown', reason: 'no contact case for this account' });
    const { state } = await aggregateStream(this.deps.eventStore, settlementDecider, settlementsStreamId(accountId));
    const authority = await aggregateStream(this.deps.eventStore, settlementAuthorityDecider, settlementAuthorityStreamId(contactCase.state.clientId));
    return {
      accountId,
      balance: state.balance,
      authorityBp: authorityInForce(authority.state, this.deps.clock.now()),
      settlements: state.settlements.map((settlement) => {
        const { settlementId, amount, currency, balance, shareBp, authorityBp, status, offeredAt } = settlement;
        return { settlementId, amount, currency, balance, shareBp, authorityBp, status, paid: paidToward(settlement), offeredAt };
      }),
    };
  }
}
