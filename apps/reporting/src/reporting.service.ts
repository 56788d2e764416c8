import { createReadModelStore, ServiceDefinition } from '@lib/platform';
import { auditSourcesOf } from './application/check-account-integrity/audit-sources';
import { ClientIntakeKeys } from './integration/outbound/client-intake-keys';
import { ReportingModule } from './reporting.module';
import { REPORTING } from './reporting.dependencies';

export const ReportingService: ServiceDefinition = {
  name: REPORTING,
  create: async (deps, processContext) => {
    const readModels = await createReadModelStore(processContext.config.readModels, { db: processContext.embeddedDatabase, schema: 'rm_reporting' });
    // Closed after the app, so the consumer has stopped writing by then.
    processContext.onClose(() => readModels.close());
    // Mounted beside client-intake (all-in-one), reporting uses intake's own key check.
    const intakeUrl = processContext.localStores.has('client-intake') ? undefined : processContext.config.serviceUrls['client-intake'];
    return ReportingModule.register({
      ...deps,
      readModels,
      auditSources: auditSourcesOf(processContext),
      clientKeys: intakeUrl ? new ClientIntakeKeys(intakeUrl) : undefined,
    });
  },
};
