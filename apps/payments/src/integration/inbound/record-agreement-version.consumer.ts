import { AgreementVersionPublished } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { RecordAgreementVersion } from '../../application/record-agreement-version/record-agreement-version.command';

/** Each published agreement version goes into the client's agreements stream here, where commissions are computed from. */
export const recordAgreementVersion = commandOn(AgreementVersionPublished, (data, context) => new RecordAgreementVersion(data, context));
