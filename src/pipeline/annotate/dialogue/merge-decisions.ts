import type { AnnotatedDecision } from '../annotate-types.js';

/**
 * One decision per agreement: a stated decision ("ok, Tuesday it is") and the agreement it closes
 * (the proposal and its acceptances) are one decision when they share a message; the stated one
 * keeps its words (unless they only point: "go for it"), the evidence and who decided are joined.
 */
export function mergeDecisions(
  stated: readonly AnnotatedDecision[],
  agreed: readonly AnnotatedDecision[],
): AnnotatedDecision[] {
  const out = stated.map((decision) => ({
    ...decision,
    evidence: [...decision.evidence],
    decidedBy: [...decision.decidedBy],
  }));
  for (const decision of agreed) {
    const same = out.find((existing) => existing.evidence.some((id) => decision.evidence.includes(id)));
    if (!same) {
      out.push(decision);
      continue;
    }
    // "agreed, go for it" says nothing of what was agreed: the proposal's words are the decision.
    if (pointsOnly(same.summary)) same.summary = decision.summary;
    for (const id of decision.evidence) if (!same.evidence.includes(id)) same.evidence.push(id);
    for (const key of decision.decidedBy) if (!same.decidedBy.includes(key)) same.decidedBy.push(key);
    same.confidence = Math.max(same.confidence, decision.confidence);
  }
  return out;
}

const POINTING_WORDS = new Set(
  "a ahead agreed alright approved as by decided deal do done fine for go good great it it's its let's lets like make me ok okay on plan sgtm ship so sounds sure that that's thats the then this way we with works yes yep".split(
    ' ',
  ),
);

/** A decision whose words only point at what was agreed ("go for it", "let's do that", "ok, ship it"). */
function pointsOnly(summary: string): boolean {
  const words =
    summary
      .toLowerCase()
      .replace(/['’]/g, "'")
      .match(/[\p{L}']+/gu) ?? [];
  return words.length > 0 && words.every((word) => POINTING_WORDS.has(word));
}
