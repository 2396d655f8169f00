/**
 * The words the ownership slot filler strips around an object slot, and the heads that never name
 * something a person owns. Kept apart from the frames (ownership-frames.ts) so both read short.
 */

/** Where an object phrase ends: the next clause or a prepositional tail ("the import side with Norvik"). */
export const OBJECT_CUT =
  /\s(?:so|but|because|if|when|since|until|unless|though|although|which|who|where|while|once|as long as|with|in|at|from|during|after|before|by|via|than|like|whenever)\s|\s[-—–]\s|[;(]/i;

/** Leading words of an object slot that are not its name: determiners, fillers, catch-alls. */
export const OBJECT_LEAD =
  /^(?:(?:also|and|or|so|then|basically|really|mostly|just|now|still|officially|kinda|kind of|pretty much|whole|entire|the|our|their|your|my|a|an|this|these|those|its|for|about|re|regarding|around|on|of|to|any|anything|everything|all things|all|stuff|things?|questions?|issues?|problems?|else|related to|to do with|touching|involving|concerning|that touches|that involves)\b[\s,]*)+/i;

/** A catch-all in the leading words: "anything billing", "everything SSO", "questions about refunds". */
export const CATCH_ALL = /\b(?:anything|everything|all things|stuff|questions?|issues?|problems?)\b/i;

/** Trailing words of an object slot that are not its name: time, degree, "itself". */
export const OBJECT_TAIL =
  /\s+(?:from now on|going forward|for now|for the moment|these days|any ?more|now|too|as well|itself|themselves|full[- ]time|again|then|here|there|today|tonight|this week|next week|side|stuff|things|for questions|overall|mostly|really|though|tbh|fwiw|lol|haha|all of it|and all|pls|please|thanks|thx|right|correct|yeah|eh|i think|i believe|afaik|iirc)$/i;

/**
 * Heads that never name something owned: pronouns and placeholders, documents and messages,
 * problems ("the timeouts are mine" takes the blame, it does not name a component), tasks and
 * meetings, times, and words that follow a possessive without meaning ownership ("my bad").
 */
export const NOT_OWNABLE = new Set([
  'it',
  'that',
  'this',
  'them',
  'those',
  'these',
  'one',
  'ones',
  'thing',
  'things',
  'stuff',
  'anything',
  'everything',
  'something',
  'nothing',
  'rest',
  'lot',
  'bit',
  'part',
  'way',
  'doc',
  'docs',
  'document',
  'file',
  'files',
  'link',
  'sheet',
  'notes',
  'summary',
  'message',
  'messages',
  'email',
  'emails',
  'question',
  'answer',
  'issue',
  'issues',
  'problem',
  'problems',
  'ticket',
  'tickets',
  'bug',
  'bugs',
  'error',
  'errors',
  'timeout',
  'timeouts',
  'incident',
  'outage',
  'fix',
  'fault',
  'mistake',
  'bad',
  'idea',
  'pleasure',
  'turn',
  'bet',
  'guess',
  'call',
  'calls',
  'meeting',
  'meetings',
  'standup',
  'demo',
  'review',
  'decision',
  'script',
  'test',
  'tests',
  'query',
  'numbers',
  'number',
  'task',
  'tasks',
  'pr',
  'late',
  'time',
  'vacation',
  'holiday',
  'leave',
  'pto',
  'lunch',
  'break',
  'record',
  'context',
  'reference',
  'example',
  'today',
  'tomorrow',
  'week',
  'day',
  'moment',
  'while',
  'point',
]);

/** Words that name nothing on their own but may head a name ("rider questions", "the mobile team"). */
export const BARE_GENERIC = new Set([
  'questions',
  'side',
  'team',
  'work',
  'everyone',
  'all',
  'own',
  'area',
  'account',
]);
