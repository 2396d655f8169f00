import type { AnnotatedDecision } from '../annotate-types.js';

/**
 * One decision per agreement: a stated decision ("ok, Tuesday it is") and the agreement it closes
 * (the proposal and its acceptances) are one decision when they share a message; the stated one
 * keeps its words, the evidence and who decided are joined.
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
    for (const id of decision.evidence) if (!same.evidence.includes(id)) same.evidence.push(id);
    for (const key of decision.decidedBy) if (!same.decidedBy.includes(key)) same.decidedBy.push(key);
    same.confidence = Math.max(same.confidence, decision.confidence);
  }
  return out;
}
