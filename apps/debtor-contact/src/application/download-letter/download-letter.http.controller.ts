import { Controller, Get, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { DownloadLetter } from './download-letter.query';

/** A letter's PDF, byte for byte what was sent: staff any account's, a client its own. */
@Controller('accounts')
export class DownloadLetterController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':accountId/letters/:letterId.pdf')
  @QueryEndpoint({
    roles: ['client', 'collector', 'supervisor', 'compliance'],
    tag: 'letters',
    uuidParams: ['accountId', 'letterId'],
    produces: 'application/pdf',
    description: 'The letter as PDF.',
    problems: { 404: 'No contact case for the account, or (for a client) not one of its own (rule case-unknown); no such letter on it (rule letter-unknown).' },
  })
  async download(@UuidParam('accountId') accountId: string, @UuidParam('letterId') letterId: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return new StreamableFile(await this.queries.execute(new DownloadLetter(accountId, letterId, principal)), { type: 'application/pdf', disposition: `inline; filename="${letterId}.pdf"` });
  }
}
