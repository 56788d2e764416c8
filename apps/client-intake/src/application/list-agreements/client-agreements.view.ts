import { ApiProperty } from '@nestjs/swagger';
import { AgreementAnswer } from '../onboard-client/onboard-client.request.dto';
import { AgreementVersionAnswer } from '../set-agreement/set-agreement.request.dto';

export class ClientAgreements {
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ type: AgreementAnswer, description: 'The default terms of onboarding, in force until the first version takes effect' }) onboarding!: AgreementAnswer;
  @ApiProperty({ type: [AgreementVersionAnswer], description: 'Every negotiated version, oldest first; each in force from its effectiveFrom until the next one' }) versions!: AgreementVersionAnswer[];
}
