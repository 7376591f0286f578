import { HttpException } from '@nestjs/common';
import { AppendTooLarge, StreamDeleted } from '../../../../libs/event-store/src/index.js';
import { toHttpError } from './error.filter.js';

describe('toHttpError', () => {
  it('answers an append over the store limit with 413 and the limit', () => {
    expect(toHttpError(new AppendTooLarge('deal-1', 1_048_576, 2_000_000))).toEqual({
      status: 413,
      body: { error: 'APPEND_TOO_LARGE', message: expect.stringContaining('1048576'), maxAppendSize: 1_048_576 },
    });
  });

  it('answers a deleted stream with 410', () => {
    expect(toHttpError(new StreamDeleted('deal-1'))).toMatchObject({ status: 410, body: { error: 'STREAM_DELETED' } });
  });

  it('names the field of a body refused before parsing, also when Nest wraps the parser error', () => {
    const refused = Object.assign(new Error('properties.seats: 9007199254740993 cannot be kept exactly'), {
      status: 400,
      expose: true,
      type: 'entity.inexact.number',
      field: 'properties.seats',
    });
    const expected = {
      status: 400,
      body: {
        error: 'ENTITY_INEXACT_NUMBER',
        message: refused.message,
        fields: [{ field: 'properties.seats', reason: refused.message }],
      },
    };
    expect(toHttpError(refused)).toEqual(expected);
    expect(toHttpError(new HttpException(refused.message, 400, { cause: refused }))).toEqual(expected);
  });
});
