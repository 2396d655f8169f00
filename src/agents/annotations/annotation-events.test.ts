import { describe, expect, it } from 'vitest';
import { EVENT } from '../../domain/events.js';
import { annotateHeuristically } from '../../pipeline/annotate/heuristic-annotate.js';
import { conversation } from '../../pipeline/annotate/testing/conversation-builder.js';
import { annotationEvents } from './annotation-events.js';

describe('annotationEvents: evidence snippets', () => {
  it('cites the sentence that asks and what follows it, not the sentences before', () => {
    const input = conversation([
      [
        'dana',
        'morning all. @Lena Vogel can you renew the signing cert? the vendor portal locks us out Friday',
      ],
    ]);
    const events = annotationEvents(
      input,
      annotateHeuristically(input),
      {
        stage: 'annotate',
        version: 'test',
        strategy: 'heuristic',
      },
      null,
    );
    const cited = events
      .filter((event) => event.type === EVENT.actionItemAssigned || event.type === EVENT.questionAsked)
      .map((event) => (event.payload as { evidence: Array<{ snippet: string }> }).evidence[0].snippet);
    expect(cited.length).toBeGreaterThan(0);
    for (const snippet of cited) {
      expect(snippet).toContain('can you renew the signing cert?');
      expect(snippet).toContain('vendor portal locks us out Friday');
      expect(snippet).not.toContain('morning all');
    }
  });
});
