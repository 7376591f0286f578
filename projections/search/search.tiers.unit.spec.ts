// Which tiers a search asks the database for, and in which statements: a tier skipped for a query that could match
// by it loses hits, so each query kind pins the tiers it needs; and the weaker statements run only while the
// stronger ones left the page short.
import type { ReadSource } from '#read-models';
import type { SearchObjectType } from './search.projection.js';
import { search, searchTiersOf, type SearchHit } from './search.queries.js';

describe('search tiers of a query', () => {
  const tiers = (q: string) => {
    const chosen = searchTiersOf(q);
    if (chosen === null) throw new Error(`no tiers for ${q}`);
    return { wordStart: chosen.wordStart, phone: chosen.phoneDigits, inside: chosen.inside, typos: chosen.typoWords };
  };

  it.each([
    // Japanese and Thai: word starts and fragments (two characters through the two-character index), never typos.
    ['田中', { wordStart: 'word', phone: null, inside: 'gram', typos: [] }],
    ['สม', { wordStart: 'word', phone: null, inside: 'gram', typos: [] }],
    ['บริษัท', { wordStart: 'word', phone: null, inside: 'trigram', typos: [] }],
    ['サクセス', { wordStart: 'word', phone: null, inside: 'trigram', typos: [] }],
    ['株式会社 田中', { wordStart: 'phrase', phone: null, inside: 'trigram', typos: [] }],
    // Latin words: typos too, each word of three letters and more (full-width letters read as ASCII).
    ['tanaka', { wordStart: 'word', phone: null, inside: 'trigram', typos: ['tanaka'] }],
    ['tanka', { wordStart: 'word', phone: null, inside: 'trigram', typos: ['tanka'] }],
    ['Ｔａｎｋａ', { wordStart: 'word', phone: null, inside: 'trigram', typos: ['tanka'] }],
    ['globex dub', { wordStart: 'phrase', phone: null, inside: 'trigram', typos: ['globex', 'dub'] }],
    ['Jo Smith', { wordStart: 'phrase', phone: null, inside: 'trigram', typos: ['smith'] }],
    ["O'Brien", { wordStart: 'word', phone: null, inside: 'trigram', typos: ["o'brien"] }],
    ['jo', { wordStart: 'word', phone: null, inside: null, typos: [] }],
    // Emails, domains and numbers: exact or fragment, never typos.
    ['user123.', { wordStart: 'word', phone: null, inside: 'trigram', typos: [] }],
    ['acme13.example', { wordStart: 'word', phone: null, inside: 'trigram', typos: [] }],
    ['taro.tanaka@acme.example', { wordStart: 'word', phone: null, inside: 'trigram', typos: [] }],
    ['Order 12345', { wordStart: 'phrase', phone: null, inside: 'trigram', typos: [] }],
    ['1234', { wordStart: 'word', phone: null, inside: 'trigram', typos: [] }],
    // Phone numbers, with or without spaces: exact digits and digits inside a number.
    ['+81 12-3456', { wordStart: 'phrase', phone: '81123456', inside: 'trigram', typos: [] }],
    ['81312345678', { wordStart: 'word', phone: '81312345678', inside: 'trigram', typos: [] }],
    ['(81) 3 1234 5678', { wordStart: 'phrase', phone: '81312345678', inside: 'trigram', typos: [] }],
    ['０３ １２３４ ５６７８', { wordStart: 'phrase', phone: '0312345678', inside: 'trigram', typos: [] }],
  ])('%s', (q, expected) => {
    expect(tiers(q)).toEqual(expected);
  });

  it('has none for a blank query', () => {
    expect(searchTiersOf('  \n ')).toBeNull();
  });
});

describe('search statements', () => {
  const row = (id: string, matched: SearchHit['matched'], score: number): SearchHit => ({ type: 'contact', id, title: id, subtitle: null, score, matched });
  const all: readonly SearchObjectType[] = ['contact', 'company', 'deal', 'ticket'];
  const page = (n: number) => Array.from({ length: n }, (_, i) => row(`c${i}`, 'prefix', 0.8));

  /**
   * A source answering the strong statement with `strong` and the one of every tier with `rest`, each row beside the
   * build's position as the statements read it (12, then 13: the build moved on between them), recording both.
   */
  const sourceOf = (strong: SearchHit[], rest: SearchHit[] = []) => {
    const asked: { kind: 'strong' | 'every tier' | 'position'; text: string; values: unknown[] }[] = [];
    const positioned = (hits: SearchHit[], readPosition: string) =>
      hits.length === 0 ? [{ readPosition, type: null, id: null }] : hits.map((hit) => ({ readPosition, ...hit }));
    const source = {
      query: async (text: string, values: unknown[]) => {
        const kind = text.includes("'pipeline' AS matched") ? 'every tier' : text.includes('AS matched') ? 'strong' : 'position';
        asked.push({ kind, text, values });
        return { rows: kind === 'every tier' ? positioned(rest, '13') : positioned(kind === 'strong' ? strong : [], '12') };
      },
    };
    return { source: source as unknown as ReadSource, asked };
  };
  // The tiers a statement asks for, by the label of its hits.
  const tiersIn = (text: string) => ['email', 'domain', 'prefix', 'phone', 'substring', 'pipeline', 'similar'].filter((m) => text.includes(`'${m}'`));

  it('asks a one-word query its strong tiers first, and stops there when they fill the page', async () => {
    const { source, asked } = sourceOf(page(2));
    expect(await search(source, { q: 'tanaka', types: all, limit: 2 })).toEqual({ position: '12', data: page(2) });
    expect(asked.map((a) => [a.kind, tiersIn(a.text)])).toEqual([['strong', ['email', 'domain', 'prefix']]]);
  });

  it.each([
    // Japanese, Thai, katakana, emails and domains: fragments and pipelines, never typos; Latin words typos too.
    ['田中', ['substring', 'pipeline']],
    ['บริษัท', ['substring', 'pipeline']],
    ['サクセス', ['substring', 'pipeline']],
    ['user123.', ['substring', 'pipeline']],
    ['acme13.example', ['substring', 'pipeline']],
    ['tanka', ['substring', 'pipeline', 'similar']],
    ['jo', ['pipeline']],
    ['81312345678', ['phone', 'substring', 'pipeline']],
  ])('asks %s its weaker tiers (%j) when the strong ones leave the page short, with the strong hits', async (q, weaker) => {
    const strong = page(3);
    const answer = [...strong, row('x', 'substring', 0.6)];
    const { source, asked } = sourceOf(strong, answer);
    // The position of the first statement: the answer reflects at least that much of the log.
    expect(await search(source, { q, types: all, limit: 20 })).toEqual({ position: '12', data: answer });
    expect(asked.map((a) => a.kind)).toEqual(['strong', 'every tier']);
    const [first, second] = asked;
    expect(tiersIn(first.text)).toEqual(q === '81312345678' ? ['email', 'domain', 'prefix', 'phone'] : ['email', 'domain', 'prefix']);
    // The strong hits come as values (the strong tiers are not asked again).
    expect(second.values).toEqual(expect.arrayContaining([strong.map((h) => h.id), strong.map((h) => h.score), strong.map((h) => h.matched)]));
    expect(tiersIn(second.text)).toEqual(weaker);
  });

  it.each([
    ['globex dub', ['email', 'domain', 'prefix', 'substring', 'pipeline', 'similar']],
    ['+81 12-3456', ['email', 'domain', 'prefix', 'phone', 'substring', 'pipeline']],
    ['株式会社 田中', ['email', 'domain', 'prefix', 'substring', 'pipeline']],
  ])('asks a phrase (%s) every tier it can use in one statement', async (q, tiers) => {
    const { source, asked } = sourceOf([], [row('x', 'substring', 0.6)]);
    expect(await search(source, { q, types: all, limit: 20 })).toEqual({ position: '13', data: [row('x', 'substring', 0.6)] });
    expect(asked.map((a) => [a.kind, tiersIn(a.text)])).toEqual([['every tier', tiers]]);
  });

  it('asks only the position for a blank query or no types', async () => {
    const { source, asked } = sourceOf([]);
    expect(await search(source, { q: ' ', types: all, limit: 20 })).toEqual({ position: '12', data: [] });
    expect(await search(source, { q: 'tanaka', types: [], limit: 20 })).toEqual({ position: '12', data: [] });
    expect(asked.map((a) => a.kind)).toEqual(['position', 'position']);
  });
});
