import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { propertyDefinitionEventDefinitions, type PropertyDefinitionEvent } from './index.js';

const examples: StoredExamples<PropertyDefinitionEvent> = {
  PropertyDefined: {
    objectType: 'deal',
    name: 'tier',
    label: 'Tier',
    type: 'enum',
    options: [
      { value: 'gold', label: 'Gold' },
      { value: 'silver', label: 'Silver' },
    ],
    unique: false,
  },
  PropertyDefinitionChanged: {
    objectType: 'deal',
    name: 'tier',
    changes: [
      { field: 'label', previous: 'Tier', value: 'Customer tier' },
      { field: 'options', previous: [{ value: 'gold', label: 'Gold' }], value: [{ value: 'gold', label: 'Gold plus' }] },
      { field: 'unique', previous: true, value: false },
    ],
  },
  PropertyDefinitionRemoved: { objectType: 'deal', name: 'tier' },
};

specifyStoredShapes('property definition event catalog', propertyDefinitionEventDefinitions, examples);
