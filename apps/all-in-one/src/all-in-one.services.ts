import { ServiceDefinition } from '@lib/platform';
import { ClientIntakeService } from '../../client-intake/src/client-intake.service';
import { DebtorContactService } from '../../debtor-contact/src/debtor-contact.service';
import { LegalReferralService } from '../../legal-referral/src/legal-referral.service';
import { PaymentsService } from '../../payments/src/payments.service';
import { PortalService } from '../../portal/src/portal.service';
import { ReportingService } from '../../reporting/src/reporting.service';

/** Every service, in the order they are mounted in the all-in-one process. */
export const ALL_SERVICES: ServiceDefinition[] = [ClientIntakeService, DebtorContactService, PaymentsService, LegalReferralService, ReportingService, PortalService];
