import { DeciderSpecification } from '../shared/decider-specification.js';
import { checkSnippet, renderTemplate, snippetDecider, snippetShortcutDecider, snippetShortcutStream, type SnippetCommand, type SnippetEvent } from './index.js';

const given = DeciderSpecification.for(snippetDecider);
const claims = DeciderSpecification.for(snippetShortcutDecider);
const metadata = { now: '2026-03-15T10:00:00.000Z' };
const snippetId = 's-1';

const create = (data: Partial<Extract<SnippetCommand, { type: 'CreateSnippet' }>['data']>): SnippetCommand => ({
  type: 'CreateSnippet',
  data: { snippetId, shortcut: 'hello', body: 'Hi {{contact.firstName}}', customProperties: ['plan'], ...data },
  metadata,
});
const created: SnippetEvent = {
  type: 'SnippetCreated',
  data: { snippetId, shortcut: 'hello', name: 'hello', body: 'Hi {{contact.firstName}}', variables: ['contact.firstName'] },
};
const update = (data: Partial<Extract<SnippetCommand, { type: 'UpdateSnippet' }>['data']>): SnippetCommand => ({
  type: 'UpdateSnippet',
  data: { snippetId, customProperties: [], ...data },
  metadata,
});

describe('snippet decider', () => {
  it('creates a snippet with the shortcut without its #, lower-case, named after it by default', () => {
    given([]).when(create({ shortcut: ' #Hello ' })).then([created]);
  });

  it('lists each variable once, in order of first use, custom properties included when defined', () => {
    given([])
      .when(create({ name: 'Plan', body: '{{contact.properties.plan}} for {{ contact.firstName }} and {{contact.properties.plan}}' }))
      .then([
        {
          type: 'SnippetCreated',
          data: { snippetId, shortcut: 'hello', name: 'Plan', body: '{{contact.properties.plan}} for {{ contact.firstName }} and {{contact.properties.plan}}', variables: ['contact.properties.plan', 'contact.firstName'] },
        },
      ]);
  });

  it('refuses unknown variables, naming each, and a custom property not defined', () => {
    const checked = checkSnippet({ shortcut: 'x', body: '{{contact.first}} {{deal.size}} {{contact.properties.nope}} {{contact.email}}', customProperties: ['plan'] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.field)).toEqual(['body']);
    expect(checked.problems[0].reason).toMatch(/^unknown variables: \{\{contact\.first\}\}, \{\{deal\.size\}\}, \{\{contact\.properties\.nope\}\};/);
    given([]).when(create({ body: 'Hi {{who}}' })).thenThrows('RULE_VIOLATED', 'snippet-invalid');
  });

  it.each([
    ['a shortcut with a space', { shortcut: 'two words' }, ['shortcut']],
    ['a blank body', { body: ' ' }, ['body']],
    ['a brace left open', { body: 'Hi {{contact.firstName' }, ['body']],
    ['a stray closing brace', { body: 'Hi }}' }, ['body']],
    ['a name too long', { name: 'n'.repeat(201) }, ['name']],
    ['both shortcut and body', { shortcut: '', body: '' }, ['shortcut', 'body']],
  ])('names the fields of %s', (_, data, fields) => {
    const checked = checkSnippet({ shortcut: 'hello', body: 'Hi', customProperties: [], ...data });
    expect(checked.ok ? [] : checked.problems.map((p) => p.field)).toEqual(fields);
  });

  it('refuses a second creation of the same id', () => {
    given([created]).when(create({})).thenThrows('ALREADY_EXISTS');
  });

  it('updates the whole definition, and decides nothing for no change', () => {
    given([created])
      .when(update({ shortcut: 'hi', body: 'Hi {{owner.name}}' }))
      .then([{ type: 'SnippetUpdated', data: { snippetId, shortcut: 'hi', name: 'hello', body: 'Hi {{owner.name}}', variables: ['owner.name'] } }]);
    given([created]).when(update({ shortcut: 'HELLO' })).then([]);
  });

  it('deletes a live snippet once; an absent or deleted one is not found', () => {
    const deleted: SnippetEvent = { type: 'SnippetDeleted', data: { snippetId, shortcut: 'hello' } };
    given([created]).when({ type: 'DeleteSnippet', data: { snippetId }, metadata }).then([deleted]);
    given([created, deleted]).when({ type: 'DeleteSnippet', data: { snippetId }, metadata }).thenThrows('NOT_FOUND');
    given([]).when(update({ body: 'x' })).thenThrows('NOT_FOUND');
  });
});

describe('snippet shortcut claims', () => {
  const claim = (id: string) => ({ type: 'ClaimSnippetShortcut' as const, data: { shortcut: '#Hello', snippetId: id }, metadata });
  const claimed = { type: 'SnippetShortcutClaimed' as const, data: { shortcut: 'hello', snippetId } };

  it('names one stream per shortcut whatever its spelling', () => {
    expect(snippetShortcutStream('#Hello ')).toBe(snippetShortcutStream('hello'));
    expect(snippetShortcutStream('hello')).not.toBe(snippetShortcutStream('hallo'));
  });

  it('claims a free shortcut, again for its holder without a new event, and refuses another snippet', () => {
    claims([]).when(claim(snippetId)).then([claimed]);
    claims([claimed]).when(claim(snippetId)).then([]);
    claims([claimed]).when(claim('s-2')).thenThrows('ALREADY_EXISTS');
  });

  it('releases only for the holder', () => {
    const release = (id: string) => ({ type: 'ReleaseSnippetShortcut' as const, data: { shortcut: 'hello', snippetId: id }, metadata });
    claims([claimed]).when(release(snippetId)).then([{ type: 'SnippetShortcutReleased', data: { shortcut: 'hello', snippetId } }]);
    claims([claimed]).when(release('s-2')).then([]);
  });
});

describe('rendering a template', () => {
  it('inserts values as plain text and keeps the placeholder of each missing one, listed once', () => {
    const values: Record<string, string | null> = { 'contact.firstName': '<b>Ada</b>', 'owner.name': null, 'deal.name': '' };
    expect(renderTemplate('Hi {{contact.firstName}}, {{owner.name}} / {{ owner.name }} on {{deal.name}}', (v) => values[v] ?? null)).toEqual({
      text: 'Hi <b>Ada</b>, {{owner.name}} / {{ owner.name }} on {{deal.name}}',
      missing: ['owner.name', 'deal.name'],
    });
  });
});
