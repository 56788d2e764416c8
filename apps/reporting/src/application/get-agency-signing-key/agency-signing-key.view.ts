import { ApiProperty } from '@nestjs/swagger';

export class AgencyPublicJwkView {
  @ApiProperty({ enum: ['OKP'] }) kty!: 'OKP';
  @ApiProperty({ enum: ['Ed25519'] }) crv!: 'Ed25519';
  @ApiProperty({ description: 'The public key, base64url (RFC 8037)' }) x!: string;
  @ApiProperty({ description: 'RFC 7638 thumbprint; the `keyId` of the exports it signs' }) kid!: string;
  @ApiProperty({ enum: ['EdDSA'] }) alg!: 'EdDSA';
  @ApiProperty({ enum: ['sig'] }) use!: 'sig';
}

/** The agency's public key for checking history exports: a JWK Set, and the same key in PEM. */
export class AgencySigningKeyView {
  @ApiProperty({ type: [AgencyPublicJwkView], description: 'A JWK Set of one key' }) keys!: AgencyPublicJwkView[];
  @ApiProperty({ description: 'The same key, SubjectPublicKeyInfo PEM', example: '-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----\n' }) pem!: string;
}
