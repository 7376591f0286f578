// Every event type Tally stores, with its current schema version, JSON Schema and upcasters: the one place that
// knows how to read any stored version of any event.
import { associationEventDefinitions } from '../association/index.js';
import { companyEventDefinitions } from '../company/index.js';
import { contactActivityEventDefinitions, contactEventDefinitions } from '../contact/index.js';
import { dealEventDefinitions } from '../deal/index.js';
import { engagementEventDefinitions } from '../engagement/index.js';
import { goalEventDefinitions } from '../goal/index.js';
import { exchangeRatesEventDefinitions } from '../exchange-rates/index.js';
import { marketingPolicyEventDefinitions } from '../marketing-policy/index.js';
import { ownerEventDefinitions } from '../owner/index.js';
import { pipelineEventDefinitions } from '../pipeline/index.js';
import { projectionOperationsEventDefinitions } from '../projection-operations/index.js';
import { propertyDefinitionEventDefinitions } from '../property-definition/index.js';
import { scoringFormulaEventDefinitions } from '../scoring-formula/index.js';
import type { EventDefinition } from '../shared/index.js';
import { ticketEventDefinitions } from '../ticket/index.js';
import { uniqueValueEventDefinitions } from '../unique-value/index.js';
import { workflowEventDefinitions } from '../workflow/index.js';
import { formEventDefinitions } from '../form/index.js';
import { engagementPlaybookRunEventDefinitions } from '../engagement/index.js';
import { playbookEventDefinitions } from '../playbook/index.js';
import { snippetEventDefinitions } from '../snippet/index.js';
import { surveyEventDefinitions } from '../survey/index.js';
import { privacyEventDefinitions } from '../privacy/index.js';

export class UnknownEventType extends Error {
  readonly code = 'UNKNOWN_EVENT_TYPE';
  constructor(readonly eventType: string) {
    super(`no event type ${eventType} in the catalog`);
  }
}

export class EventCatalog {
  private readonly byType = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const definition of definitions) {
      if (this.byType.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice`);
      this.byType.set(definition.type, definition);
    }
  }

  list(): EventDefinition[] {
    return [...this.byType.values()].sort((a, b) => a.type.localeCompare(b.type));
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  definition(type: string): EventDefinition {
    const definition = this.byType.get(type);
    if (!definition) throw new UnknownEventType(type);
    return definition;
  }

  schemaVersionOf(type: string): number {
    return this.definition(type).schemaVersion;
  }

  /** Lifts stored data of `storedVersion` to the current shape, one version at a time. Unknown types pass as they are. */
  upcast(type: string, storedVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const definition = this.byType.get(type);
    if (!definition || storedVersion >= definition.schemaVersion) return { schemaVersion: storedVersion, data };
    let version = storedVersion;
    let current = data as Record<string, unknown>;
    while (version < definition.schemaVersion) {
      const step = definition.upcasters?.find((u) => u.fromVersion === version);
      if (!step) throw new Error(`${type}: no upcaster from schema version ${version}`);
      current = step.upcast(current);
      version++;
    }
    return { schemaVersion: version, data: current };
  }
}

export const EVENT_DEFINITIONS: readonly EventDefinition[] = [
  ...ownerEventDefinitions,
  ...pipelineEventDefinitions,
  ...contactEventDefinitions,
  ...contactActivityEventDefinitions,
  ...companyEventDefinitions,
  ...marketingPolicyEventDefinitions,
  ...uniqueValueEventDefinitions,
  ...dealEventDefinitions,
  ...ticketEventDefinitions,
  ...engagementEventDefinitions,
  ...scoringFormulaEventDefinitions,
  ...projectionOperationsEventDefinitions,
  ...propertyDefinitionEventDefinitions,
  ...associationEventDefinitions,
  ...workflowEventDefinitions,
  ...exchangeRatesEventDefinitions,
  ...goalEventDefinitions,
  ...formEventDefinitions,
  ...surveyEventDefinitions,
  ...snippetEventDefinitions,
  ...playbookEventDefinitions,
  ...engagementPlaybookRunEventDefinitions,
  ...privacyEventDefinitions,
];

export const eventCatalog = new EventCatalog(EVENT_DEFINITIONS);
