import { ClientIntakeKeys, createReadModelStore, ServiceDefinition } from '@lib/platform';
import { GenerationalReadModelStore } from '@lib/read-models';
import { REPORTING_PROJECTIONS, RETIRED_COLLECTIONS } from './read-models/reporting.queries';
import { auditSourcesOf } from './application/check-account-integrity/audit-sources';
import { agencySigningKeyOf } from './application/history-export/agency-signing-key';
import { ReportingModule } from './reporting.module';
import { REPORTING } from './reporting.dependencies';

export const ReportingService: ServiceDefinition = {
  name: REPORTING,
  create: async (deps, processContext) => {
    const stored = await createReadModelStore(processContext.config.readModels, { db: processContext.embeddedDatabase, schema: 'rm_reporting' });
    // Kept in generations, so that a rebuild switches readers over only once it has caught up.
    const readModels = await GenerationalReadModelStore.open(stored, [...REPORTING_PROJECTIONS.map((projection) => projection.name), ...RETIRED_COLLECTIONS]);
    // Closed after the app, so the consumer has stopped writing by then.
    processContext.onClose(() => readModels.close());
    // Mounted beside client-intake (all-in-one), reporting uses intake's own key check.
    const intakeUrl = processContext.localStores.has('client-intake') ? undefined : processContext.config.serviceUrls['client-intake'];
    const { key: signingKey, demoFile } = agencySigningKeyOf(processContext.config);
    // Said where the key outlives the process: an export signed with it may be handed on.
    if (demoFile) {
      process.stderr.write(
        `reporting: AGENCY_SIGNING_KEY is not set, so history exports are signed with a demo key kept in ${demoFile}; ` +
          'set AGENCY_SIGNING_KEY (or AGENCY_SIGNING_KEY_FILE) to sign them with the agency\'s own key.\n',
      );
    }
    return ReportingModule.register({
      ...deps,
      readModels,
      auditSources: auditSourcesOf(processContext),
      clientKeys: intakeUrl ? new ClientIntakeKeys(intakeUrl) : undefined,
      signingKey,
    });
  },
};
