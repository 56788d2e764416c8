import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import { CurrentPrincipal, QueryEndpoint, UuidParam } from '@lib/platform';
import { GetRemittance, RenderRemittance } from './get-remittance.query';
import { RemittanceView } from './remittance.view';

const READERS: Array<'accountant' | 'admin' | 'compliance' | 'client'> = ['accountant', 'admin', 'compliance', 'client'];
const NOT_FOUND = { 404: 'No such remittance, or (for a client) not one of its own (rule remittance-unknown).' };

/** An issued statement: staff any client's, a client its own. The renderings are routed before the plain id, which would take `<id>.csv` too. */
@Controller('remittances')
export class GetRemittanceController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':remittanceId.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @QueryEndpoint({ roles: READERS, tag: 'remittances', uuidParams: ['remittanceId'], produces: 'text/csv', answer: String, description: 'The statement as CSV, byte for byte as issued (SHA-256 in csvSha256).', problems: NOT_FOUND })
  async csv(@UuidParam('remittanceId') remittanceId: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return String(await this.queries.execute(new RenderRemittance(remittanceId, 'csv', principal)));
  }

  @Get(':remittanceId.pdf')
  @QueryEndpoint({ roles: READERS, tag: 'remittances', uuidParams: ['remittanceId'], produces: 'application/pdf', description: 'The statement as PDF, byte for byte as issued (SHA-256 in pdfSha256).', problems: NOT_FOUND })
  async pdf(@UuidParam('remittanceId') remittanceId: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.queries.execute(new RenderRemittance(remittanceId, 'pdf', principal))), { type: 'application/pdf', disposition: `inline; filename="remittance-${remittanceId}.pdf"` });
  }

  @Get(':remittanceId')
  @QueryEndpoint({ roles: READERS, tag: 'remittances', uuidParams: ['remittanceId'], answer: RemittanceView, description: 'The statement with every line, its totals, invoice and hashes.', problems: NOT_FOUND })
  get(@UuidParam('remittanceId') remittanceId: string, @CurrentPrincipal() principal: Principal): Promise<RemittanceView> {
    return this.queries.execute(new GetRemittance(remittanceId, principal));
  }
}
