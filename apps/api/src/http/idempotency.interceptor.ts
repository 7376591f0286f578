// A retried command (same Idempotency-Key, same actor and route) gets the first answer back and appends nothing.
// The stored answer makes the reply exact; ids derived from the key (see requestContextOf) make the append itself
// idempotent even when a crash lands between the append and storing the answer.
import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  UnprocessableEntityException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import { from, of, switchMap, type Observable } from 'rxjs';
import type { Database } from '#postgres';
import { DATABASE } from '../tokens.js';
import { headerId, idempotencyScope, type TallyRequest } from './request-context.decorator.js';

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<TallyRequest>();
    const key = headerId(request, 'Idempotency-Key');
    if (!key || request.method === 'GET') return next.handle();

    const scope = idempotencyScope(request);
    const requestHash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
    const response = context.switchToHttp().getResponse<Response>();

    return from(
      this.db.pool.query<{ request_hash: string; status: number; body: unknown }>(
        'SELECT request_hash, status, body FROM tally_idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      ),
    ).pipe(
      switchMap(({ rows }) => {
        const stored = rows[0];
        if (stored) {
          if (stored.request_hash !== requestHash) {
            throw new UnprocessableEntityException({
              error: 'IDEMPOTENCY_KEY_REUSED',
              message: 'this Idempotency-Key was used for a different request',
            });
          }
          response.status(stored.status).setHeader('Idempotent-Replayed', 'true');
          return of(stored.body);
        }
        return next.handle().pipe(
          switchMap(async (body) => {
            // Nest sets the route's status before the handler runs; a handler that answers otherwise (200 for a form
            // submission that updated a contact, 201 when it created one) has set its own by now: replayed as sent.
            const status = response.statusCode;
            await this.db.pool.query(
              `INSERT INTO tally_idempotency_keys (scope, key, request_hash, status, body)
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
              [scope, key, requestHash, status, JSON.stringify(body ?? null)],
            );
            return body;
          }),
        );
      }),
    );
  }
}
