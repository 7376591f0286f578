// How the runner splits a page's judgments into groups it may judge side by side: what shares a record (or a
// workflow whose steps share state across records) stays in one group, in log order.
import { groupWork } from './workflow-runner.js';

const work = (name: string, ...keys: string[]) => ({ name, keys });
const names = (groups: readonly (readonly { name: string }[])[]) => groups.map((group) => group.map((item) => item.name));

describe('groupWork', () => {
  it('keeps each record in one group, in log order, the groups in order of their first judgment', () => {
    const groups = groupWork([work('a1', 'contact-a'), work('b1', 'contact-b'), work('a2', 'contact-a'), work('c1', 'contact-c'), work('b2', 'contact-b')]);
    expect(names(groups)).toEqual([['a1', 'a2'], ['b1', 'b2'], ['c1']]);
  });

  it('joins the records of a workflow that shares state across them (a round-robin turn), and what they join in turn', () => {
    const groups = groupWork([
      work('a1', 'contact-a'),
      work('b-rr', 'contact-b', 'workflow:rr'),
      work('c1', 'contact-c'),
      work('a-rr', 'contact-a', 'workflow:rr'),
      work('d1', 'contact-d'),
      work('b2', 'contact-b'),
    ]);
    expect(names(groups)).toEqual([['a1', 'b-rr', 'a-rr', 'b2'], ['c1'], ['d1']]);
  });

  it('answers no group for no work', () => {
    expect(groupWork([])).toEqual([]);
  });
});
