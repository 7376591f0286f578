// Validates event data against the catalog's JSON Schemas: used where events enter from outside (imports).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { addEventSchemaFormats } from '../shared/schema-formats.js';
import type { EventCatalog } from './event-catalog.js';

export type EventValidation = { valid: true } | { valid: false; errors: string[] };

export class EventValidator {
  private readonly ajv = addEventSchemaFormats(new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true }));
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly catalog: EventCatalog) {}

  validate(type: string, data: unknown): EventValidation {
    if (!this.catalog.has(type)) return { valid: false, errors: [`unknown event type ${type}`] };
    let validator = this.validators.get(type);
    if (!validator) {
      validator = this.ajv.compile(this.catalog.definition(type).schema);
      this.validators.set(type, validator);
    }
    if (validator(data)) return { valid: true };
    return {
      valid: false,
      errors: (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
    };
  }
}
