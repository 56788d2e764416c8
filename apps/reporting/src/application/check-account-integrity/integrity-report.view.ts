import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class BrokenLinkView {
  @ApiProperty({ type: 'integer', minimum: 0 }) version!: number;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'content does not match its hash' }) reason!: string;
}

/** One stream's hash chain, verified where it is stored. */
export class ChainVerdictView {
  @ApiProperty() ok!: boolean;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events verified (up to the first broken link)' }) checked!: number;
  @ApiPropertyOptional({ type: BrokenLinkView, description: 'Only when not ok' }) brokenAt?: BrokenLinkView;
}

export class VerifiedStreamView {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) events!: number;
  @ApiProperty({ type: ChainVerdictView }) integrity!: ChainVerdictView;
}

export class ServiceStreamsView {
  @ApiProperty({ enum: ['client-intake', 'debtor-contact', 'payments', 'legal-referral'] }) service!: string;
  @ApiProperty({ type: [VerifiedStreamView], description: "The service's streams of the account; [] when it holds none" }) streams!: VerifiedStreamView[];
}

export class FirstBrokenView extends BrokenLinkView {
  @ApiProperty() service!: string;
  @ApiProperty() streamId!: string;
}

/**
 * Tamper evidence for one account. `firstBroken` and `unreachable` appear only when the
 * verdict is not ok because of them. The handler builds an `IntegrityReport` (its chain
 * verdicts a union on `ok`, which a class cannot implement); this class is its schema.
 */
export class IntegrityReportView {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ description: 'True only when every service was reached and every chain verified' }) ok!: boolean;
  @ApiProperty({ type: [ServiceStreamsView], description: 'The services reached, in their fixed order' }) services!: ServiceStreamsView[];
  @ApiPropertyOptional({ type: FirstBrokenView, description: "The first broken link, services in their fixed order, streams in their service's order" }) firstBroken?: FirstBrokenView;
  @ApiPropertyOptional({ type: [String], description: 'Services that could not be asked: nothing about them is verified' }) unreachable?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Why each unreachable service could not be asked' })
  unreachableReasons?: Record<string, string>;
}
