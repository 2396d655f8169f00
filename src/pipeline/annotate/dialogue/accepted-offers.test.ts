import { describe, expect, it } from 'vitest';
import { annotateHeuristically } from '../heuristic-annotate.js';
import { conversation, key } from '../testing/conversation-builder.js';

const items = (lines: Array<[string, string]>) =>
  annotateHeuristically(conversation(lines)).actionItems.map((item) => [item.assignee, item.summary]);

describe('offers taken up', () => {
  it('gives the work to whoever offered it once someone else accepts', () => {
    expect(
      items([
        ['priya', 'I can take over the dunning emails from Marco if that helps'],
        ['dana', 'yes please, thanks Priya'],
      ]),
    ).toEqual([[key('priya'), 'take over the dunning emails from Marco']]);
    expect(
      items([
        ['sam', 'want me to chase the vendor for the signed order form?'],
        ['dana', 'that would be great'],
      ]),
    ).toEqual([[key('sam'), 'chase the vendor for the signed order form']]);
  });

  it('leaves an offer nobody took, one turned down, and one the offerer answered', () => {
    expect(items([['priya', 'I can take over the dunning emails from Marco if that helps']])).toEqual([]);
    expect(
      items([
        ['sam', 'want me to chase the vendor for the signed order form?'],
        ['dana', "no, let's wait until Monday"],
      ]),
    ).toEqual([]);
    expect(
      items([
        ['sam', 'want me to chase the vendor for the signed order form?'],
        ['sam', 'yes I should'],
      ]),
    ).toEqual([]);
  });
});
