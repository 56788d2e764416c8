import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntime } from '@lib/integration';
import { CLIENT_KEY_VERIFIER, runtimeProvider, SERVICE_DEPENDENCIES } from '@lib/platform';
import { CheckAccountIntegrityHandler } from './application/check-account-integrity/check-account-integrity.handler';
import { CheckAccountIntegrityController } from './application/check-account-integrity/check-account-integrity.http.controller';
import { ExportAccountHistoryHandler } from './application/export-account-history/export-account-history.handler';
import { ExportAccountHistoryController } from './application/export-account-history/export-account-history.http.controller';
import { ExportClientHistoryHandler } from './application/export-client-history/export-client-history.handler';
import { ExportClientHistoryController } from './application/export-client-history/export-client-history.http.controller';
import { GetAgencySigningKeyHandler } from './application/get-agency-signing-key/get-agency-signing-key.handler';
import { GetAgencySigningKeyController } from './application/get-agency-signing-key/get-agency-signing-key.http.controller';
import { GetAccountHistoryJsonHandler } from './application/get-account-history/get-account-history-json.handler';
import { GetAccountHistoryHandler } from './application/get-account-history/get-account-history.handler';
import { GetAccountHistoryController } from './application/get-account-history/get-account-history.http.controller';
import { GetAccountSummaryHandler } from './application/get-account-summary/get-account-summary.handler';
import { GetAccountSummaryController } from './application/get-account-summary/get-account-summary.http.controller';
import { GetAccountTimelineHandler } from './application/get-account-timeline/get-account-timeline.handler';
import { GetAccountTimelineController } from './application/get-account-timeline/get-account-timeline.http.controller';
import { GetLegalPipelineHandler } from './application/get-legal-pipeline/get-legal-pipeline.handler';
import { GetLegalPipelineController } from './application/get-legal-pipeline/get-legal-pipeline.http.controller';
import { GetPortfolioHandler } from './application/get-portfolio/get-portfolio.handler';
import { GetPortfolioController } from './application/get-portfolio/get-portfolio.http.controller';
import { GetAgingHandler } from './application/get-aging/get-aging.handler';
import { GetAgingController } from './application/get-aging/get-aging.http.controller';
import { GetRemittanceHistoryHandler } from './application/get-remittance-history/get-remittance-history.handler';
import { GetRemittanceHistoryController } from './application/get-remittance-history/get-remittance-history.http.controller';
import { GetTrustLedgerHandler } from './application/get-trust-ledger/get-trust-ledger.handler';
import { GetTrustLedgerController } from './application/get-trust-ledger/get-trust-ledger.http.controller';
import { GetCollectorPerformanceHandler } from './application/get-collector-performance/get-collector-performance.handler';
import { GetCollectorPerformanceController } from './application/get-collector-performance/get-collector-performance.http.controller';
import { GetLiquidationHandler } from './application/get-liquidation/get-liquidation.handler';
import { GetLiquidationController } from './application/get-liquidation/get-liquidation.http.controller';
import { ExportComplianceDecisionsHandler } from './application/export-compliance-decisions/export-compliance-decisions.handler';
import { ExportComplianceDecisionsController } from './application/export-compliance-decisions/export-compliance-decisions.http.controller';
import { GetComplianceDecisionsHandler } from './application/get-compliance-decisions/get-compliance-decisions.handler';
import { GetComplianceDecisionsController } from './application/get-compliance-decisions/get-compliance-decisions.http.controller';
import { GetTrustSummaryHandler } from './application/get-trust-summary/get-trust-summary.handler';
import { GetTrustSummaryController } from './application/get-trust-summary/get-trust-summary.http.controller';
import { RebuildReadModelsHandler } from './application/rebuild-read-models/rebuild-read-models.handler';
import { RebuildReadModelsController } from './application/rebuild-read-models/rebuild-read-models.http.controller';
import { projectIntegrationEvents } from './integration/inbound/project-integration-events.handler';
import { recordAuditTrail } from './integration/inbound/record-audit-trail.handler';
import { REPORTING_PROJECTIONS } from './read-models/reporting.queries';
import { REPORTING, ReportingDependencies } from './reporting.dependencies';

const controllers = [
  GetPortfolioController,
  GetAccountSummaryController,
  GetAccountTimelineController,
  GetLegalPipelineController,
  GetAccountHistoryController,
  CheckAccountIntegrityController,
  ExportAccountHistoryController,
  ExportClientHistoryController,
  GetAgencySigningKeyController,
  GetAgingController,
  GetRemittanceHistoryController,
  GetTrustLedgerController,
  GetLiquidationController,
  GetCollectorPerformanceController,
  GetTrustSummaryController,
  GetComplianceDecisionsController,
  ExportComplianceDecisionsController,
  RebuildReadModelsController,
];
const queryHandlers = [
  GetPortfolioHandler,
  GetAccountSummaryHandler,
  GetAccountTimelineHandler,
  GetLegalPipelineHandler,
  GetAccountHistoryHandler,
  GetAccountHistoryJsonHandler,
  CheckAccountIntegrityHandler,
  ExportAccountHistoryHandler,
  ExportClientHistoryHandler,
  GetAgencySigningKeyHandler,
  GetAgingHandler,
  GetRemittanceHistoryHandler,
  GetTrustLedgerHandler,
  GetLiquidationHandler,
  GetCollectorPerformanceHandler,
  GetTrustSummaryHandler,
  GetComplianceDecisionsHandler,
  ExportComplianceDecisionsHandler,
];
const commandHandlers = [RebuildReadModelsHandler];

/**
 * Composition root of the reporting service: read models fed from every topic, the
 * reports and the compliance audit API over them, as queries. It owns no streams and
 * has no commands: its inbound messages go straight to the projections.
 */
@Module({})
export class ReportingModule {
  static register(deps: ReportingDependencies): DynamicModule {
    const runtime = new ServiceRuntime({
      service: REPORTING,
      store: deps.eventStore,
      bus: deps.bus,
      // Reporting stores no events, so its relay has nothing to publish; it polls rarely.
      gateway: () => [],
      accountIdOf: () => undefined,
      relayIntervalMs: 5_000,
      inbound: [...projectIntegrationEvents(deps.readModels, REPORTING_PROJECTIONS), recordAuditTrail(deps.readModels)],
      publishes: [],
      probes: { 'read-models': () => deps.readModels.ping() },
      now: () => deps.clock.now(),
      newId: deps.newId,
    });
    const clientKeys = deps.clientKeys ? [{ provide: CLIENT_KEY_VERIFIER, useValue: deps.clientKeys }] : [];
    return {
      module: ReportingModule,
      controllers,
      providers: [{ provide: SERVICE_DEPENDENCIES, useValue: deps }, ...queryHandlers, ...commandHandlers, ...clientKeys, runtimeProvider(runtime)],
      // For the process's auth guard, which looks for the key check among what its modules export.
      exports: clientKeys.map((provider) => provider.provide),
    };
  }
}
