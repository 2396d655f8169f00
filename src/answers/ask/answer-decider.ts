import { decisionsAbout } from './answer-items.js';
import { day, itemEvidence, known, names, unknown, type AnswerContext } from './answer-support.js';
import type { AskAnswer } from './ask-types.js';

/** The verb the question used, for the answer ("who approved …" → "approved"). */
const VERB =
  /^who (approved|decided(?: on)?|signed off on|okayed|ok'?d|agreed to|made the call on|green-?lit|chose|picked)\b/i;

/** What an approval says: "Approved, both.", "go ahead", "lgtm", 👍. */
const APPROVES =
  /\b(?:approved?|go ahead|sign(?:ed)? off|ok(?:ay)?|yes|yep|lgtm|agreed|fine by me|sounds good|do it|ship it)\b|👍|✅/i;

/**
 * "Who approved the refunds?", "who decided on the vendor?": the person who made the latest standing
 * decision about it (who said it; for "approved", who accepted what was proposed), with
 * whoever else took part, and the decision itself.
 */
export async function answerDecider(context: AnswerContext): Promise<AskAnswer> {
  const { people, timeZone } = context.sources;
  const { decisions, searched, entity, restUnmatched } = await decisionsAbout(context);
  // "who decided to roll back Lakeshore?": a Lakeshore decision that says nothing of a rollback is not it.
  if (restUnmatched)
    return unknown(context, [...searched, `none of them about "${context.target}"`], { entity });
  const standing = decisions.filter(
    (decision) =>
      decision.decidedBy.length > 0 && !(decision.reversedBy && (decision.reversedAt ?? '') <= context.asOf),
  );
  if (standing.length === 0) return unknown(context, searched, { entity });
  const [latest] = standing;
  const verb = VERB.exec(context.question.trim())?.[1]?.toLowerCase() ?? 'decided';
  // A proposal accepted: whoever accepted it approved it ("Approved, both." after "I'd like to refund …").
  const accepter = latest.evidence.slice(1).find((said) => APPROVES.test(said.snippet))?.author;
  const approving = /approved|signed off|okayed|ok'?d|green-?lit|agreed/.test(verb);
  const deciders =
    approving && accepter && latest.decidedBy.includes(accepter)
      ? [accepter, ...latest.decidedBy.filter((key) => key !== accepter)]
      : latest.decidedBy;
  const [first, ...others] = deciders.map((key) => people.name(key));
  const lines = [
    `${first} ${verb} it${others.length > 0 ? ` (with ${names(others)})` : ''}, ${day(latest.at, timeZone)}: "${latest.summary}"`,
  ];
  if (standing.length > 1)
    lines.push(
      ...standing
        .slice(1, 3)
        .map(
          (decision) =>
            `- before that, ${day(decision.at, timeZone)}: ${decision.summary} (${names(decision.decidedBy.map((key) => people.name(key)))})`,
        ),
    );
  return known(context, {
    text: lines.join('\n'),
    confidence: latest.confidence,
    evidence: itemEvidence(standing.slice(0, 3), context),
    entity,
    searched,
  });
}
