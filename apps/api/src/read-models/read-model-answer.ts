// One decorator per read-model route declares what it answers: the JSON envelope `{ position, data, nextCursor? }`
// with its row schema, the same rows as text/csv with the paging headers, and the CSV's columns and array keys
// (read by csv.interceptor.ts). Writing both from one declaration keeps the document and the CSV in step.
import { applyDecorators, SetMetadata, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, DECORATORS, getSchemaPath, type ReferenceObject, type SchemaObject } from '@nestjs/swagger';
import type { CsvKeys, CsvShape } from '#read-models';

export const CSV_SHAPE = 'tally:csv-shape';

type AnswerOptions = Readonly<{
  /** The row type; data is one row, a list of rows (many), or either (oneOrMany: the list when unfiltered). */
  row: Type;
  many?: boolean;
  oneOrMany?: boolean;
  /** Other row types data may be instead of `row` (the CSV then declares no columns of its own). */
  or?: readonly Type[];
  /** Paged by cursor: JSON nextCursor; CSV X-Next-Cursor and Link headers. */
  paged?: boolean;
  /** Which fields name the elements of each array property in CSV column names. */
  keys?: CsvKeys;
  /** Envelope fields beside position and data (the range reported on, the asOf ages are measured at, ...). */
  extra?: Readonly<Record<string, SchemaObject>>;
}>;

const SCALAR_TYPES: readonly unknown[] = [String, Number, Boolean, 'string', 'number', 'integer', 'boolean'];

type PropertyMetadata = { type?: unknown; isArray?: boolean; oneOf?: unknown };

/** The row's fields in declaration order, and those whose CSV columns are named by their content. */
const csvShapeOf = (row: Type, keys?: CsvKeys): CsvShape => {
  const fields = ((Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, row.prototype) ?? []) as string[]).map((name) => name.replace(/^:/, ''));
  const nested = fields.filter((name) => {
    const property: PropertyMetadata = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, row.prototype, name) ?? {};
    return property.isArray || !(property.type === undefined || property.oneOf !== undefined || SCALAR_TYPES.includes(property.type));
  });
  return { fields, nested, keys };
};

const positionSchema: SchemaObject = {
  type: 'string',
  nullable: true,
  description: 'The log position the read model reflects (null before any event); also the X-Tally-Position header',
};

const pagingHeaders = {
  'X-Next-Cursor': { description: 'CSV only: the cursor of the next page; absent on the last page', schema: { type: 'string' } },
  Link: {
    description: 'CSV only: `<path?...&cursor=...>; rel="next"` (RFC 8288, relative to the request), absent on the last page',
    schema: { type: 'string' },
  },
};

const CSV_DESCRIPTION =
  'With Accept: text/csv, the rows of data as CSV: always a header row; nested values in dotted columns ' +
  '(stages.<stageId>.openDeals, data.url); arrays by their key fields or else by index from 0.';

export const ReadModelAnswer = (options: AnswerOptions) => {
  const models = [options.row, ...(options.or ?? [])];
  const one: SchemaObject | ReferenceObject = models.length === 1 ? { $ref: getSchemaPath(options.row) } : { oneOf: models.map((model) => ({ $ref: getSchemaPath(model) })) };
  const many: SchemaObject = { type: 'array', items: one };
  const data = options.oneOrMany ? { oneOf: [many, one] } : options.many ? many : one;
  const envelope: SchemaObject = {
    type: 'object',
    required: ['position', 'data', ...Object.keys(options.extra ?? {})],
    properties: {
      position: positionSchema,
      ...options.extra,
      data,
      ...(options.paged ? { nextCursor: { type: 'string', nullable: true, description: 'The cursor of the next page; null or absent on the last' } } : {}),
    },
  };
  const shape: CsvShape = options.or ? { keys: options.keys } : csvShapeOf(options.row, options.keys);
  return applyDecorators(
    ApiExtraModels(...models),
    ApiOkResponse({
      description: CSV_DESCRIPTION,
      headers: {
        'X-Tally-Position': { description: 'CSV only: the position, as in the JSON envelope', schema: { type: 'string' } },
        ...(options.paged ? pagingHeaders : {}),
      },
      content: {
        'application/json': { schema: envelope },
        'text/csv': { schema: { type: 'string' } },
      },
    }),
    SetMetadata(CSV_SHAPE, shape),
  );
};
