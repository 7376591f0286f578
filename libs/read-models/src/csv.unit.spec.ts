import { flattenRow, nextPageTarget, toCsv } from './csv.js';

describe('read-model CSV', () => {
  it('has a header row even without rows', () => {
    expect(toCsv([], { fields: ['contactId', 'stages', 'total'], nested: ['stages'] })).toBe('contactId,total\r\n');
  });

  it('names nested values by their path, array elements by their key fields or else by index', () => {
    const row = {
      pipelineId: 'sales',
      stages: [
        { stageId: 'lead', openDeals: 2, amounts: [{ currency: 'EUR', total: 10 }] },
        { stageId: 'won', openDeals: 0, amounts: [] },
      ],
      data: { url: '/pricing', tags: ['a', 'b'], previous: null },
      empty: {},
    };
    expect(Object.fromEntries(flattenRow(row, { stages: ['stageId'], amounts: ['currency'] }))).toEqual({
      pipelineId: 'sales',
      'stages.lead.openDeals': 2,
      'stages.lead.amounts.EUR.total': 10,
      'stages.won.openDeals': 0,
      'data.url': '/pricing',
      'data.tags.0': 'a',
      'data.tags.1': 'b',
      'data.previous': null,
    });
  });

  it('joins several key fields with a dot', () => {
    const forecast = [{ month: '2026-04', currency: 'EUR', total: 1 }, { month: '2026-04', currency: 'USD', total: 2 }];
    expect([...flattenRow({ forecast }, { forecast: ['month', 'currency'] }).keys()]).toEqual(['forecast.2026-04.EUR.total', 'forecast.2026-04.USD.total']);
  });

  it('keeps nested columns in the place of their field, and a column a later row brings beside its siblings', () => {
    const rows = [
      { id: 'a', stages: [{ stageId: 'lead', n: 1 }], won: 1 },
      { id: 'b', stages: [{ stageId: 'demo', n: 2 }], won: 0, extra: true },
    ];
    const csv = toCsv(rows, { fields: ['id', 'stages', 'won'], nested: ['stages'], keys: { stages: ['stageId'] } });
    expect(csv.split('\r\n')).toEqual(['id,stages.lead.n,stages.demo.n,won,extra', 'a,1,,1,', 'b,,2,0,true', '']);
  });

  it('links the next page with the request query and the new cursor', () => {
    expect(nextPageTarget('/v1/read-models/x?limit=2&cursor=old&sort=-score', 'n%xt')).toBe('/v1/read-models/x?limit=2&cursor=n%25xt&sort=-score');
    expect(nextPageTarget('/v1/read-models/x', 'abc')).toBe('/v1/read-models/x?cursor=abc');
  });
});
