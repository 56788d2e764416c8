import { CallHandler, Controller, ExecutionContext, Injectable, NestInterceptor, Post, Req, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConsumes, ApiBody } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { catchError, concatMap, from, Observable, throwError } from 'rxjs';
import type { CommandContext } from '@lib/es-core';
import { acceptStreamedBody, CommandEndpoint, Ctx } from '@lib/platform';
import { PlaceBatch } from './place-batch.command';
import { BatchAccepted } from './place-batch.request.dto';

export const BATCH_MEDIA_TYPES = ['text/csv', 'application/x-ndjson'];
// The file is read from the request stream by the handler, never parsed whole by the JSON body parser.
acceptStreamedBody({ method: 'POST', path: '/placements/batches', mediaTypes: BATCH_MEDIA_TYPES });

/**
 * The Location of an accepted batch, on a first answer and on one replayed for an
 * Idempotency-Key alike. A replayed answer (or an early refusal) comes before the file was
 * read: the rest of the upload is read and dropped first, so the client, still sending,
 * gets the answer instead of a reset connection.
 */
@Injectable()
class BatchLocation implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        await drained(request);
        const location = (body as Partial<BatchAccepted> | undefined)?.location;
        if (typeof location === 'string') context.switchToHttp().getResponse<Response>().setHeader('Location', location);
        return body;
      }),
      catchError((error: unknown) => from(drained(request)).pipe(concatMap(() => throwError(() => error)))),
    );
  }
}

async function drained(request: Request): Promise<void> {
  if (request.readableEnded || request.destroyed) return;
  for await (const _chunk of request) {
    // dropped: only the end of the upload is waited for
  }
}

/** A client places a file of accounts (CSV or NDJSON, up to 100,000 rows), answered once the file is stored. */
@Controller('placements/batches')
export class PlaceBatchController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiConsumes(...BATCH_MEDIA_TYPES)
  @ApiBody({
    description: 'CSV with a header line (columns: clientReference, commercial, debtorKind, debtorLegalName, debtorCountry, debtorRegion?, debtorTaxId?, debtorEmail?, debtorPhone?, invoiceNumber, issueDate, dueDate, originalAmount, currency), one placement of one invoice per row; or NDJSON, one placement (the body of POST /placements) per line. UTF-8, at most 100,000 rows.',
    schema: { type: 'string' },
  })
  @CommandEndpoint({
    roles: ['client'],
    tag: 'placements',
    status: 202,
    answer: BatchAccepted,
    description: 'The file is stored; its rows are placed in the background. Location: the batch status.',
    problems: { 400: 'The CSV header names unknown, duplicate or too few columns, or the file is empty (rows with problems are listed in the results instead).', 413: 'More than 100,000 rows (rule batch-too-large).', 415: 'Not text/csv or application/x-ndjson, or not UTF-8.' },
  })
  @UseInterceptors(BatchLocation)
  place(@Req() request: Request, @Ctx() context: CommandContext): Promise<BatchAccepted> {
    // Not destroyed when reading stops early (a 413): the refusal must still reach the client.
    return this.commands.execute(new PlaceBatch(request.iterator({ destroyOnReturn: false }), request.headers['content-type'], context));
  }
}
