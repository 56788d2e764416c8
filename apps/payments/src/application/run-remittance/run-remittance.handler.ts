import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { aggregateStream } from '@lib/es-core';
import { decideOrRefuse, Refused, SERVICE_DEPENDENCIES } from '@lib/platform';
import { versionInForce } from '../../domain/commission-plan/agreement';
import { agreementsDecider } from '../../domain/commission-plan/agreements.decider';
import { RemittanceFiled, remittanceIndexStreamId } from '../../domain/remittance/remittance-index';
import { selectStatementItems } from '../../domain/remittance/remittance-statement';
import { periodRefusal, remittancesDecider, SealedStatement } from '../../domain/remittance/remittances.decider';
import { sealStatement } from '../../domain/remittance/seal-statement';
import { remittancesStreamId } from '../../domain/trust-ledger/remittance';
import { agreementsStreamId, PaymentsDependencies } from '../../payments.dependencies';
import { readClientPaymentFacts, readIssuedRemittances, remittanceSummary } from '../get-remittance/read-remittances';
import { RunRemittance } from './run-remittance.command';
import type { RemittanceRunAnswer } from './run-remittance.request.dto';

/**
 * A remittance run for one client and period (docs/payments.md, "Remittance runs"): what
 * is due is chosen from the client's ledgers, each currency's statement is built, rendered
 * to CSV and PDF and hashed, and the statements are issued together by the client's
 * remittances decider, which refuses a period already remitted.
 */
@CommandHandler(RunRemittance)
export class RunRemittanceHandler implements ICommandHandler<RunRemittance> {
  constructor(@Inject(SERVICE_DEPENDENCIES) private readonly deps: PaymentsDependencies) {}

  async execute({ clientId, periodStart: asked, periodEnd, context, scheduled }: RunRemittance): Promise<RemittanceRunAnswer> {
    const store = this.deps.eventStore;
    const { state } = await aggregateStream(store, remittancesDecider, remittancesStreamId(clientId));
    // A scheduled run picks up where a run by hand left off rather than being refused for overlapping it.
    const periodStart = scheduled && state.lastPeriodEnd !== undefined && state.lastPeriodEnd > asked ? state.lastPeriodEnd : asked;
    const refusal = periodRefusal(state, { periodStart, periodEnd, now: context.now });
    if (refusal) throw new Refused(refusal);

    const { state: agreements } = await aggregateStream(store, agreementsDecider, agreementsStreamId(clientId));
    const version = versionInForce(agreements.versions, new Date(periodEnd));
    const remittanceType = version?.remittance ?? 'net';
    const agreementVersion = version?.version ?? null;

    const facts = await readClientPaymentFacts(store, clientId, context.now);
    const selections = selectStatementItems(facts, state, periodEnd);
    const issuedAt = context.now.toISOString();
    const statements: SealedStatement[] = [];
    for (const [index, selection] of selections.entries()) {
      const remittanceId = context.newId();
      const filed: RemittanceFiled = { type: 'RemittanceFiled', data: { remittanceId, clientId } };
      await store.appendToStream(remittanceIndexStreamId(remittanceId), [{ ...filed, metadata: this.metadata(context) }], { expectedVersion: 'no_stream' });
      statements.push(
        await sealStatement(selection, facts, { remittanceId, invoiceId: context.newId(), statementNumber: state.statements + index + 1, clientId, remittanceType, agreementVersion, periodStart, periodEnd, issuedAt }),
      );
    }
    if (statements.length > 0) {
      await decideOrRefuse(store, remittancesDecider, remittancesStreamId(clientId), { type: 'IssueRemittance', clientId, periodStart, periodEnd, remittanceType, agreementVersion, statements, now: context.now }, context);
    }
    const issued = (await readIssuedRemittances(store, clientId)).filter((r) => statements.some((s) => s.remittanceId === r.issued.remittanceId));
    return { clientId, periodStart, periodEnd, remittanceType, statements: issued.map(remittanceSummary) };
  }

  private metadata(context: RunRemittance['context']) {
    return { eventId: context.newId(), principal: context.principal, correlationId: context.correlationId, causationId: context.causationId, occurredAt: context.now.toISOString() };
  }
}
