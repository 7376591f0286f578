// `Accept: text/csv` turns a read-model answer's rows into CSV. Cells that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or carriage return) are prefixed with a quote mark.
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';

const FORMULA_START = /^[=+\-@\t\r]/;

export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const toCsv = (rows: readonly Record<string, unknown>[]): string => {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns.map(csvCell).join(','), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
};

const wantsCsv = (request: Request): boolean => {
  const accept = request.header('Accept') ?? '';
  return /\btext\/csv\b/.test(accept) && !/\bapplication\/json\b/.test(accept);
};

@Injectable()
export class CsvInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!wantsCsv(request)) return next.handle();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((body: { data?: unknown; position?: string | null }) => {
        const rows = Array.isArray(body?.data) ? body.data : body?.data ? [body.data] : [];
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        if (body?.position) response.setHeader('X-Tally-Position', body.position);
        return toCsv(rows as Record<string, unknown>[]);
      }),
    );
  }
}
