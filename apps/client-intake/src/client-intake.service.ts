import { ServiceDefinition } from '@lib/platform';
import { CLIENT_INTAKE, ClientIntakeModule } from './client-intake.module';

export const ClientIntakeService: ServiceDefinition = {
  name: CLIENT_INTAKE,
  create: async (deps) => ClientIntakeModule.register(deps),
};
