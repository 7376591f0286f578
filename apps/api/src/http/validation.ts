import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';
import { validationFailed, type FieldProblem } from '#application';
import { hasLoneSurrogate } from '#domain/shared';

const flatten = (errors: readonly ValidationError[], parent = ''): FieldProblem[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

// class-transformer silently drops keys every object inherits (__proto__, constructor, toString, ...), so
// `whitelist` never sees them as unknown fields.
const isHiddenKey = (key: string) => key in Object.prototype;

const LONE_SURROGATE = 'must not contain a UTF-16 surrogate without its pair (\\ud800-\\udfff alone is no character)';

/**
 * What the DTO rules cannot see: keys class-transformer drops before validation, NUL characters, which
 * PostgreSQL text and jsonb cannot store, and lone surrogates, which have no UTF-8 spelling (checked here, before
 * any handler, so no command starts). Walks iteratively: the body parser has already bounded the depth.
 */
export const hostileShape = (value: unknown): FieldProblem | null => {
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { field: path || 'value', reason: 'must not contain NUL characters' };
      if (hasLoneSurrogate(current)) return { field: path || 'value', reason: LONE_SURROGATE };
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        const field = path ? `${path}.${key}` : key;
        if (isHiddenKey(key) || key.includes('\u0000')) return { field, reason: `property ${key} should not exist` };
        if (hasLoneSurrogate(key)) return { field, reason: LONE_SURROGATE };
        pending.push([(current as Record<string, unknown>)[key], field]);
      }
    }
  }
  return null;
};

class TallyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problem = hostileShape(value);
      if (problem) throw validationFailed([problem]);
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused; every bad field is named in the 400. */
export const validationPipe = (): ValidationPipe =>
  new TallyValidationPipe({
    // Handed in rather than loaded by Nest at run time, which Jest's ESM loader cannot follow.
    validatorPackage: classValidator,
    transformerPackage: classTransformer,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
