import { Body, Controller, Ip, Param, Post, Redirect, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import { PortalPageFilter } from '../shared/portal-page';
import type { PortalRedirect } from '../check-portal-identity/check-portal-identity.request.dto';
import { MAX_DOCUMENT_BYTES } from './document-check';
import { OpenDispute } from './open-dispute.command';
import { DisputeForm, UploadedDocument } from './open-dispute.request.dto';

/** Public, guarded by the session token. The upload is held in memory, one file, bounded a little above the documented limit. */
@ApiExcludeController()
@Public()
@UseFilters(PortalPageFilter)
@Controller('portal/s')
export class OpenDisputeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':session/disputes')
  @Redirect()
  @UseInterceptors(FileInterceptor('document', { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1, fields: 10 } }))
  open(@Param('session') session: string, @Body() form: DisputeForm, @UploadedFile() document: UploadedDocument | undefined, @Ip() ip: string): Promise<PortalRedirect> {
    return this.commands.execute(new OpenDispute(session, form, document, ip));
  }
}
