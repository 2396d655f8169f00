import type { SearchIndex } from '../../../memory/search/search-types.js';
import type { PeopleNames } from './people-names.js';
import type { QuestionFrame } from './question-frame.js';
import { rankPassages, type Passage, type TermWeights } from './rank-passages.js';
import { REASON_CUES } from './typed-spans.js';

/** A chat question ("what does our contract say about X?") is not its own answer: the replies to it are. */
const REPLIES_OF = 4;
/** Replies read after each matching question. */
const REPLIES = 3;
/** What the first reply inherits of the question's score (it rarely repeats the question's words). */
const REPLY_SHARE = 0.8;
/** Each later reply inherits this much less: the first one by someone else is most often the answer. */
const LATER_REPLY_STEP = 0.1;

/**
 * "thanks Helena.", "ok 👍", "got it, cheers", "happy Friday 🍁", "morning all", "haha": a sentence
 * that only acknowledges, greets or laughs answers nothing, however close it sits to the question.
 */
const ACKNOWLEDGEMENT =
  /^(?:(?:thanks?|thank you|thx|ty|cheers|ok(?:ay)?|k|cool|great|nice|perfect|noted|got it|sounds good|makes sense|awesome|brilliant|lovely|understood|will do|sure|yes|yep|no worries|np|appreciated)\b[\s,!.]*)+(?:\s*(?:so much|a lot|all|everyone|team|@?[\p{L}.'-]+))?[\s!.🙏👍🙌✅]*$/iu;
const GREETING =
  /^(?:(?:happy|good) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|morning|afternoon|evening|night)|(?:good )?morning|hi|hello|hey|hiya|bye|see you|have a (?:good|nice|great) (?:one|day|weekend|evening)|welcome(?: back| aboard)?|congrats|congratulations|lol|lmao|haha+|hehe+)\b[\s,!.]*(?:all|everyone|team|folks|y'all|@?[\p{L}.'-]+)?[\s!.]*$/iu;

/**
 * "yes, you'll have it today", "will send it over tomorrow": a reply that only promises the thing
 * asked for says when (a time question's answer), not what it is.
 */
const PROMISE_ONLY =
  /^(?:(?:yes|yep|yeah|sure|ok(?:ay)?|will do|of course)[,!.]?\s+)*(?:you['’]?ll (?:have|get) (?:it|them|that)|i['’]?ll (?:send|share|get|post) (?:it|them|that)|(?:will|can) (?:send|share|post) (?:it|them|that)|sending (?:it|them) (?:now|shortly|soon|over))\b[^.?!]{0,40}[.!]*$/i;

export function isSmallTalk(sentence: string): boolean {
  const text = sentence
    .replace(/(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f)+|:[a-z0-9_+-]+:/gu, ' ')
    .trim();
  if (text === '') return true;
  if (text.split(/\s+/).length > 5) return false;
  return ACKNOWLEDGEMENT.test(text) || GREETING.test(text);
}

/** A statement that asks for work from whoever reads it: "needs a review from someone", "can someone …". */
const ASKS_FOR_WORK =
  /\b(?:needs?|need|looking for|want) (?:a |an |another |some |your )?(?:quick |second )?(?:review|reviewer|look|approval|sign-?off|eyes|volunteer|hand)\b|\b(?:can|could) (?:someone|anyone|somebody)\b/i;

/**
 * The best passages that are themselves questions hand most of their score to the first replies
 * by others in their conversation (read from the index, nothing after as-of), the first reply the
 * most; the question keeps a fraction, so an unanswered question is never an answer, except to
 * where something stands (it is still open). A reply sentence of small talk inherits nothing.
 */
/**
 * A question that holds its own answer: "can you approve my days off Dec 21–24?" says when, "after
 * last friday's mess can we stop deploying on fridays?" says why. A reply that says otherwise holds
 * its own date or reason.
 */
function answersItself(frame: QuestionFrame, question: Passage): boolean {
  if (frame.type === 'time' || frame.type === 'number') return question.span !== null;
  return frame.type === 'reason' && REASON_CUES.test(question.sentence);
}

export function withReplies(
  frame: QuestionFrame,
  passages: Passage[],
  index: SearchIndex,
  asOf: string,
  weights: TermWeights,
  names: PeopleNames,
): Passage[] {
  // "who asked for X": the question is the answer, and its replies are not.
  if (frame.authorAnswers) return passages;
  // "who reviewed the fix?": the review is in the reply to "PR is up, needs a review", a request without a "?".
  const asked = passages
    .filter(
      (passage) =>
        /\?\s*$/.test(passage.sentence) || (frame.type === 'person' && ASKS_FOR_WORK.test(passage.sentence)),
    )
    .slice(0, REPLIES_OF);
  const extra: Passage[] = [];
  for (const question of asked) {
    if (!question.hit.conversationId) {
      question.score *= 0.5;
      continue;
    }
    const replies = index
      .conversations([question.hit.conversationId], { asOf, limit: 200 })
      .filter(
        (doc) => doc.kind === 'message' && doc.at > question.hit.at && doc.author !== question.hit.author,
      )
      .slice(0, REPLIES);
    // Where something stands, when all there is is a question nobody answered: it waits.
    if (replies.length === 0 && frame.type === 'status') question.unanswered = true;
    // "can you approve my days off Dec 21–24?" says the dates itself; a reply that changes them holds its own.
    else if (!(replies.length > 0 && answersItself(frame, question))) question.score *= 0.5;
    const share = REPLY_SHARE * Math.max(question.coverage.sentence, question.coverage.message);
    replies.forEach((reply, order) => {
      const inherit = share * (1 - LATER_REPLY_STEP * order);
      extra.push(
        ...rankPassages(frame, [reply], weights, names, inherit).filter(
          (passage) =>
            !isSmallTalk(passage.sentence) && (frame.type === 'time' || !PROMISE_ONLY.test(passage.sentence)),
        ),
      );
    });
  }
  return [...passages, ...extra].sort((a, b) => b.score - a.score || (a.hit.at < b.hit.at ? 1 : -1));
}
