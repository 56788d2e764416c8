import { DynamicModule, Module } from '@nestjs/common';
import { ServiceRuntime } from '@lib/integration';
import { CLIENT_KEY_VERIFIER, runtimeProvider, ServiceDependencies } from '@lib/platform';
import { CheckAccountIntegrityController } from './application/check-account-integrity/check-account-integrity.http.controller';
import { GetAccountHistoryController } from './application/get-account-history/get-account-history.http.controller';
import { GetAccountSummaryController } from './application/get-account-summary/get-account-summary.http.controller';
import { GetAccountTimelineController } from './application/get-account-timeline/get-account-timeline.http.controller';
import { GetLegalPipelineController } from './application/get-legal-pipeline/get-legal-pipeline.http.controller';
import { GetPortfolioController } from './application/get-portfolio/get-portfolio.http.controller';
import { projectIntegrationEvents } from './integration/inbound/project-integration-events.handler';
import { recordAuditTrail } from './integration/inbound/record-audit-trail.handler';
import { REPORTING_PROJECTIONS, ReportingQueries } from './read-models/reporting.queries';
import { AUDIT_SOURCES, REPORTING, REPORTING_QUERIES, ReportingAdapters } from './reporting.dependencies';

const reports = [GetPortfolioController, GetAccountSummaryController, GetAccountTimelineController, GetLegalPipelineController];
const audit = [GetAccountHistoryController, CheckAccountIntegrityController];

/**
 * Composition root of the reporting service: read models fed from every topic, the
 * reports and the compliance audit API over them. It owns no streams and has no writes.
 */
@Module({})
export class ReportingModule {
  static register(deps: ServiceDependencies, adapters: ReportingAdapters): DynamicModule {
    const runtime = new ServiceRuntime({
      service: REPORTING,
      store: deps.eventStore,
      bus: deps.bus,
      // Reporting stores no events, so its relay has nothing to publish; it polls rarely.
      gateway: () => [],
      accountIdOf: () => undefined,
      relayIntervalMs: 5_000,
      inbound: [...projectIntegrationEvents(adapters.readModels, REPORTING_PROJECTIONS), recordAuditTrail(adapters.readModels)],
      publishes: [],
      probes: { 'read-models': () => adapters.readModels.ping() },
      now: () => deps.clock.now(),
      newId: deps.newId,
    });
    const clientKeys = adapters.clientKeys ? [{ provide: CLIENT_KEY_VERIFIER, useValue: adapters.clientKeys }] : [];
    return {
      module: ReportingModule,
      controllers: [...reports, ...audit],
      providers: [
        { provide: REPORTING_QUERIES, useValue: new ReportingQueries(adapters.readModels) },
        { provide: AUDIT_SOURCES, useValue: adapters.auditSources },
        ...clientKeys,
        runtimeProvider(runtime),
      ],
      // For the process's auth guard, which looks for the key check among what its modules export.
      exports: clientKeys.map((provider) => provider.provide),
    };
  }
}
