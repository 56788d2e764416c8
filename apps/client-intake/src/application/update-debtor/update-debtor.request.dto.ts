import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { DebtorChanges } from '../../domain/account/account.commands';
import { AddressDto, DebtorDto, EmailDto, MAX_DEBTOR_CONTACTS, PhoneDto } from '../place-account/place-account.request.dto';

/** Each field given replaces the one held; a list given replaces the whole list (send `[]` to clear it). At least one field. */
export class UpdateDebtorRequest {
  @ApiPropertyOptional({ example: 'Acme Widgets Holdings LLC', minLength: 1, maxLength: 200 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) legalName?: string;

  @ApiPropertyOptional({ maxLength: 32, minLength: 1, example: '12-3456789', description: "A new tax id moves the account's invoices to that debtor's register: refused as a likely duplicate if another account of this client holds one of them there" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  taxId?: string;

  @ApiPropertyOptional({ type: [AddressDto], maxItems: MAX_DEBTOR_CONTACTS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DEBTOR_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => AddressDto)
  addresses?: AddressDto[];

  @ApiPropertyOptional({ type: [PhoneDto], maxItems: MAX_DEBTOR_CONTACTS, description: 'Replaces every phone, the unflagged `phone` of the placement too' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DEBTOR_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => PhoneDto)
  phones?: PhoneDto[];

  @ApiPropertyOptional({ type: [EmailDto], maxItems: MAX_DEBTOR_CONTACTS, description: 'Replaces every email, the unflagged `email` of the placement too' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DEBTOR_CONTACTS)
  @ValidateNested({ each: true })
  @Type(() => EmailDto)
  emails?: EmailDto[];
}

export class DebtorUpdatedAnswer {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: DebtorDto, description: 'The debtor as it is now' }) debtor!: DebtorDto;
  @ApiProperty({ type: [String], description: 'The fields this update changed; empty when it changed nothing (nothing is recorded then)' }) changed!: string[];
}

/** The changes as the command carries them: plain objects, no DTO classes, fields not sent left out. */
export function debtorChanges({ legalName, taxId, addresses, phones, emails }: UpdateDebtorRequest): DebtorChanges {
  return {
    ...(legalName !== undefined ? { legalName } : {}),
    ...(taxId !== undefined ? { taxId } : {}),
    ...(addresses ? { addresses: addresses.map(({ lines, city, region, postalCode, country }) => ({ lines: [...lines], city, ...(region !== undefined ? { region } : {}), ...(postalCode !== undefined ? { postalCode } : {}), country })) } : {}),
    ...(phones ? { phones: phones.map(({ number, consent, doNotContact }) => ({ number, consent, doNotContact })) } : {}),
    ...(emails ? { emails: emails.map(({ address, consent, doNotContact }) => ({ address, consent, doNotContact })) } : {}),
  };
}
