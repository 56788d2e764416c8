import { ClientIntakeKeys, ServiceDefinition } from '@lib/platform';
import { PAYMENTS_SERVICE, PaymentsModule } from './payments.module';

export const PaymentsService: ServiceDefinition = {
  name: PAYMENTS_SERVICE,
  create: async (deps, processContext) => {
    // Clients read their remittance statements here; mounted beside client-intake (all-in-one), intake's own key check serves.
    const intakeUrl = processContext.localStores.has('client-intake') ? undefined : processContext.config.serviceUrls['client-intake'];
    return PaymentsModule.register(deps, { clientKeys: intakeUrl ? new ClientIntakeKeys(intakeUrl) : undefined });
  },
};
