// A definition is identified by its content, like a formula: JSON and YAML of the same workflow share a hash.
import { createHash } from 'node:crypto';
import { canonicalJson } from '#domain/shared';
import type { WorkflowDefinition } from './definition.js';

export const workflowHash = (definition: WorkflowDefinition): string =>
  createHash('sha256').update(canonicalJson(definition), 'utf8').digest('hex');
