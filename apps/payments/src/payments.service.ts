import { ServiceDefinition } from '@lib/platform';
import { PAYMENTS_SERVICE, PaymentsModule } from './payments.module';

export const PaymentsService: ServiceDefinition = {
  name: PAYMENTS_SERVICE,
  create: async (deps) => PaymentsModule.register(deps),
};
