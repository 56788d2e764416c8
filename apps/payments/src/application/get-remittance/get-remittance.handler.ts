import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Principal, RecordedEvent } from '@lib/es-core';
import { Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { RemittanceFiled, remittanceIndexStreamId } from '../../domain/remittance/remittance-index';
import { statementOf } from '../../domain/remittance/remittance-statement';
import { statementCsv } from '../../domain/remittance/statement.csv';
import { statementPdf } from '../../domain/remittance/statement.pdf';
import type { PaymentsDependencies } from '../../payments.dependencies';
import { GetRemittance, RenderRemittance } from './get-remittance.query';
import { readClientPaymentFacts, readIssuedRemittances, remittanceSummary } from './read-remittances';
import type { RemittanceView } from './remittance.view';

/**
 * The statement is never stored, only the event that issued it: it is rebuilt from that
 * event and the payments' own events on each read, by the same function that built it
 * at issue, so what is shown is what was issued (the renderings' hashes prove it).
 */
async function issuedStatement(deps: PaymentsDependencies, remittanceId: string, principal: Principal) {
  const unknown = new Refused({ rule: 'remittance-unknown', reason: `no remittance ${remittanceId}` });
  const [filed] = (await deps.eventStore.readStream(remittanceIndexStreamId(remittanceId))) as Array<RecordedEvent<RemittanceFiled>>;
  if (!filed || filed.type !== 'RemittanceFiled') throw unknown;
  const { clientId } = filed.data;
  if (principal.role === 'client' && principal.id !== clientId) throw unknown;
  const remittance = (await readIssuedRemittances(deps.eventStore, clientId)).find((r) => r.issued.remittanceId === remittanceId);
  if (!remittance) throw unknown;
  const facts = await readClientPaymentFacts(deps.eventStore, clientId, deps.clock.now());
  return { remittance, statement: statementOf(remittance.issued, facts) };
}

@QueryHandler(GetRemittance)
export class GetRemittanceHandler implements IQueryHandler<GetRemittance> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ remittanceId, principal }: GetRemittance): Promise<RemittanceView> {
    const { remittance, statement } = await issuedStatement(this.deps, remittanceId, principal);
    return { ...remittanceSummary(remittance), payments: statement.payments, directPayments: statement.directPayments, clawbacks: statement.clawbacks, commissionCorrections: statement.commissionCorrections };
  }
}

@QueryHandler(RenderRemittance)
export class RenderRemittanceHandler implements IQueryHandler<RenderRemittance> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ remittanceId, format, principal }: RenderRemittance): Promise<string | Buffer> {
    const { statement } = await issuedStatement(this.deps, remittanceId, principal);
    return format === 'csv' ? statementCsv(statement) : statementPdf(statement);
  }
}
