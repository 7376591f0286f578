import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';

const flatten = (errors: readonly ValidationError[], parent = ''): { field: string; reason: string }[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** Unknown fields are refused; every bad field is named in the 400. */
export const validationPipe = (): ValidationPipe =>
  new ValidationPipe({
    // Handed in rather than loaded by Nest at run time, which Jest's ESM loader cannot follow.
    validatorPackage: classValidator,
    transformerPackage: classTransformer,
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        error: 'VALIDATION_FAILED',
        message: fields.map((f) => `${f.field}: ${f.reason}`).join('; '),
        fields,
      });
    },
  });
