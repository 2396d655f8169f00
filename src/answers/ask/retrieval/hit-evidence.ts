import type { SearchHit } from '../../../memory/search/search-types.js';
import type { AskSources } from '../answer-support.js';
import type { AnswerEvidence } from '../ask-types.js';

/** Who wrote a hit, by the name the index holds or the directory's. */
export function authorOf(hit: SearchHit, sources: Pick<AskSources, 'people'>): string {
  return hit.authorName ?? (hit.author ? sources.people.name(hit.author) : 'unknown');
}

/** A search hit as an answer's cited message. */
export function hitEvidence(hit: SearchHit, sources: Pick<AskSources, 'people'>): AnswerEvidence {
  const channel = hit.channel ?? '';
  return {
    source: hit.source ?? '',
    channel: channel.includes(':') ? channel.slice(channel.lastIndexOf(':') + 1) : channel,
    messageId: hit.nativeId ?? hit.docId,
    author: authorOf(hit, sources),
    time: hit.at,
    snippet: hit.text.slice(0, 500),
  };
}
