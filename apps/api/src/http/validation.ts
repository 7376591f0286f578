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

type RuleStorage = Pick<classValidator.MetadataStorage, 'getTargetValidationMetadatas' | 'addValidationMetadata'>;
const remembering = new WeakSet<RuleStorage>();

/**
 * class-validator finds a class's rules on every validation by testing each decorated class for inheritance
 * (typestack/class-validator#2686), work that grows with the api's DTOs and is done again for every request. A
 * class's rules are registered when it is decorated: they are remembered per class and options until any rule is
 * registered again.
 */
export const rememberValidationRules = (storage: RuleStorage = classValidator.getMetadataStorage()): void => {
  if (remembering.has(storage)) return;
  remembering.add(storage);
  const find = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let known = new WeakMap<object, Map<string, ReturnType<typeof find>>>();
  storage.addValidationMetadata = (metadata) => {
    known = new WeakMap();
    register(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // A value without a constructor (a null-prototype object) cannot key the map: found as before.
    if (typeof target !== 'function') return find(target, schema, always, strictGroups, groups);
    const options = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let byOptions = known.get(target);
    if (byOptions === undefined) known.set(target, (byOptions = new Map()));
    let rules = byOptions.get(options);
    if (rules === undefined) byOptions.set(options, (rules = find(target, schema, always, strictGroups, groups)));
    return rules;
  };
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
export const validationPipe = (): ValidationPipe => {
  rememberValidationRules();
  return new TallyValidationPipe({
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
};
