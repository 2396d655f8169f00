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

  it('reads offers made on a condition ("if nobody\'s on it", "if that\'s ok") and after a name', () => {
    expect(
      items([
        ['marco', "I can take the flaky login tests if nobody's on it"],
        ['dana', 'please do 🙏'],
      ]),
    ).toEqual([[key('marco'), 'take the flaky login tests']]);
    expect(
      items([
        ['priya', "marco, I'll take the friday release notes off your plate if that's ok"],
        ['marco', 'honestly yes please'],
      ]),
    ).toEqual([[key('priya'), 'take the friday release notes off your plate']]);
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

describe('work handed out by name', () => {
  it('reads "name → task" lines and "name, name: do X" as asks of those named', () => {
    expect(
      items([
        ['dana', 'tuesday list:'],
        ['dana', 'marco → upload the crash symbols for 3.1'],
        ['dana', 'priya: re-test the checkout bug on the old tablet'],
      ]).map(([assignee]) => assignee),
    ).toEqual([key('marco'), key('priya')]);
    expect(
      items([
        ['priya', 'sam, marco: grab the beta build and try it on your phones at 2'],
        ['marco', '👌'],
      ])
        .map(([assignee]) => assignee)
        .sort(),
    ).toEqual([key('marco'), key('sam')].sort());
  });
});
