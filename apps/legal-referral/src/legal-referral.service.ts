import { ServiceDefinition } from '@lib/platform';
import { LEGAL_REFERRAL, LegalReferralModule } from './legal-referral.module';

export const LegalReferralService: ServiceDefinition = {
  name: LEGAL_REFERRAL,
  create: async (deps) => LegalReferralModule.register(deps),
};
