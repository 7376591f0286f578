import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { snippetEventDefinitions, type SnippetEvent, type SnippetShortcutEvent } from './index.js';

const snippetId = '5b7c2f1e-8a9d-4e3c-9b1a-2c3d4e5f6a7b';
const examples: StoredExamples<SnippetEvent | SnippetShortcutEvent> = {
  SnippetCreated: { snippetId, shortcut: 'hello', name: 'Warm hello', body: 'Hi {{contact.firstName}}', variables: ['contact.firstName'] },
  SnippetUpdated: { snippetId, shortcut: 'hi', name: 'Warm hello', body: 'Hi {{contact.firstName}}, {{owner.name}} here', variables: ['contact.firstName', 'owner.name'] },
  SnippetDeleted: { snippetId, shortcut: 'hi' },
  SnippetShortcutClaimed: { shortcut: 'hello', snippetId },
  SnippetShortcutReleased: { shortcut: 'hello', snippetId },
};

specifyStoredShapes('snippet event catalog', snippetEventDefinitions, examples);
