import type { SearchHit } from '../../memory/search/search-types.js';
import { day, type AnswerContext } from './answer-support.js';
import type { AnswerEvidence } from './ask-types.js';
import { hitEvidence } from './retrieval/hit-evidence.js';
import { peopleNames } from './retrieval/people-names.js';

/** How far back "lately" reaches. */
const LATELY_DAYS = 14;
/** Messages read, and quoted. */
const READ = 40;
const QUOTED = 3;
const SAID_OF = 2;
/** A message with fewer words says too little about what someone works on ("ok", "thanks!"). */
const MIN_WORDS = 4;

/**
 * The newest things a person said that read as statements (not a bare question or an
 * acknowledgement), from the last two weeks before as-of: what "what is X working on" can still
 * show when no fact or open item says it.
 */
export function recentStatements(
  context: AnswerContext,
  human: { id: string; keys: readonly string[]; name: string },
): { lines: string[]; evidence: AnswerEvidence[]; since: string } | undefined {
  const { search, timeZone } = context.sources;
  const since = new Date(Date.parse(context.asOf) - LATELY_DAYS * 86_400_000).toISOString();
  if (!search) return undefined;
  const written = search
    .latestBy(human.keys, { since, asOf: context.asOf, limit: READ })
    .filter(saysSomething)
    .slice(0, QUOTED);
  const about = saidOf(context, human, since);
  if (written.length === 0 && about.length === 0) return undefined;
  const where = (hit: SearchHit): string =>
    `${hit.channelName ? `${hit.channelName}, ` : ''}${day(hit.at, timeZone)}`;
  return {
    since,
    lines: [
      ...about.map(
        (hit) => `- said of them: "${oneLine(hit.text)}" (${hit.authorName ?? 'unknown'}, ${where(hit)})`,
      ),
      ...written.map((hit) => `- they wrote: "${oneLine(hit.text)}" (${where(hit)})`),
    ],
    evidence: [...about, ...written].map((hit) => hitEvidence(hit, context.sources)),
  };
}

/** Decisions and others' messages of the same window that name the person: "Sam's on the implementation". */
function saidOf(
  context: AnswerContext,
  human: { id: string; keys: readonly string[]; name: string },
  since: string,
): SearchHit[] {
  const { search, people } = context.sources;
  if (!search) return [];
  const names = peopleNames(people);
  const own = new Set(human.keys);
  let hits: SearchHit[] = [];
  try {
    hits = search.search({
      query: human.name,
      mode: 'any',
      kinds: ['decision', 'message'],
      since,
      asOf: context.asOf,
      limit: READ,
      snippets: false,
    }).hits;
  } catch {
    return [];
  }
  const seen = new Set<string>();
  return hits
    .filter((hit) => !(hit.author && own.has(hit.author)))
    .filter((hit) => names.inText(hit.text).some((named) => named.id === human.id))
    .sort(
      (a, b) => (a.kind === 'decision' ? 0 : 1) - (b.kind === 'decision' ? 0 : 1) || (a.at < b.at ? 1 : -1),
    )
    .filter((hit) => {
      const key = hit.text.slice(0, 120);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, SAID_OF);
}

function saysSomething(hit: SearchHit): boolean {
  const text = hit.text.replace(/<[^>]*>|:[a-z0-9_+-]+:|https?:\/\/\S+/gi, ' ').trim();
  if (/\?\s*$/.test(text) && !/[.!]\s/.test(text)) return false;
  return (text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).length >= MIN_WORDS;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
