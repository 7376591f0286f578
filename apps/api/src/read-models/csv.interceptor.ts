// `Accept: text/csv` turns a read-model answer's rows into CSV (libs/read-models/src/csv.ts), with the columns and
// array keys the route declares (read-model-answer.ts). A paged answer names its next page in headers, since a CSV
// body has no place for nextCursor: X-Next-Cursor, and Link rel="next" with the request's own query and that cursor.
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { nextPageTarget, toCsv, type CsvShape } from '#read-models';
import { CSV_SHAPE } from './read-model-answer.js';

export { csvCell, toCsv } from '#read-models';

type Answer = { data?: unknown; position?: string | null; nextCursor?: string | null };

const wantsCsv = (request: Request): boolean => {
  const accept = request.header('Accept') ?? '';
  return /\btext\/csv\b/.test(accept) && !/\bapplication\/json\b/.test(accept);
};

@Injectable()
export class CsvInterceptor implements NestInterceptor {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!wantsCsv(request)) return next.handle();
    const response = http.getResponse<Response>();
    const shape = this.reflector.get<CsvShape | undefined>(CSV_SHAPE, context.getHandler()) ?? {};
    return next.handle().pipe(
      map((body: Answer) => {
        const rows = Array.isArray(body?.data) ? body.data : body?.data ? [body.data] : [];
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        if (body?.position) response.setHeader('X-Tally-Position', body.position);
        if (body?.nextCursor) {
          response.setHeader('X-Next-Cursor', body.nextCursor);
          response.setHeader('Link', `<${nextPageTarget(request.originalUrl, body.nextCursor)}>; rel="next"`);
        }
        return toCsv(rows as Record<string, unknown>[], shape);
      }),
    );
  }
}
