import type { AnswerEvidence, AskAnswer } from './ask-types.js';
import { day } from './answer-support.js';
import type { EntityHistory } from './entity-history.js';

/** Plain text for people (the CLI writes it; --json writes the object instead). */
export function renderAnswer(answer: AskAnswer, timeZone?: string): string[] {
  const lines = answer.wording ? [answer.wording, '', answer.text] : [answer.text];
  if (answer.known)
    lines.push('', `confidence ${answer.confidence.toFixed(2)} · as of ${day(answer.asOf, timeZone)}`);
  else lines.push('', `as of ${day(answer.asOf, timeZone)}`);
  if (answer.understoodBy === 'model') lines.push('understood by the model (grounded in the data)');
  if (answer.understoodBy === 'retrieval')
    lines.push(
      answer.answeredBy === 'model'
        ? `answered by the model from the cited messages (a ${answer.answerType ?? 'statement'} question; every name, date and number checked against them)`
        : `answered from the search index (a ${answer.answerType ?? 'statement'} question; extractive)`,
    );
  if (answer.degraded) lines.push(`degraded: ${answer.degradedReason ?? 'the model could not be used'}`);
  if (answer.history.length > 1) {
    lines.push('', 'History');
    for (const entry of answer.history) {
      const span = `${day(entry.validFrom, timeZone)} → ${entry.validTo ? day(entry.validTo, timeZone) : 'now'}`;
      lines.push(
        `  ${span.padEnd(26)} ${entry.subjectName} ${entry.relation.replace('_', ' ')} ${entry.objectName}  [${entry.status}${entry.note ? `: ${entry.note}` : ''}]`,
      );
    }
  }
  if (answer.evidence.length > 0) {
    lines.push('', 'Evidence');
    for (const evidence of answer.evidence) lines.push(...evidenceLines(evidence, timeZone));
  }
  if (!answer.known && (answer.maybeRelevant?.length ?? 0) > 0) {
    lines.push('', 'Maybe relevant (not an answer)');
    for (const evidence of answer.maybeRelevant ?? []) lines.push(...evidenceLines(evidence, timeZone));
  }
  return lines;
}

export function renderHistory(history: EntityHistory, timeZone?: string): string[] {
  if (!history.entity) return [`I don't know "${history.query}". I searched ${history.searched.join('; ')}.`];
  const lines = [`${history.entity.name} (${history.entity.kind})`];
  if (history.facts.length === 0 && history.decisions.length === 0)
    return [...lines, '', 'No facts or decisions recorded.'];
  if (history.facts.length > 0) lines.push('', 'Facts');
  for (const fact of history.facts) {
    const span = `${day(fact.validFrom, timeZone)} → ${fact.validTo ? day(fact.validTo, timeZone) : 'now'}`;
    lines.push(
      `  ${span.padEnd(26)} ${fact.subjectName} ${fact.relation.replace('_', ' ')} ${fact.objectName}  [${fact.status}${fact.note ? `: ${fact.note}` : ''}] conf ${fact.confidence.toFixed(2)}`,
    );
    for (const evidence of fact.evidence)
      lines.push(...evidenceLines(evidence, timeZone).map((line) => `    ${line}`));
  }
  if (history.decisions.length > 0) lines.push('', 'Decisions');
  for (const decision of history.decisions) {
    lines.push(
      `  ${day(decision.at, timeZone)}  ${decision.summary}${decision.reversedAt ? ` [reversed ${day(decision.reversedAt, timeZone)}]` : ''}`,
    );
    for (const evidence of decision.evidence)
      lines.push(...evidenceLines(evidence, timeZone).map((line) => `    ${line}`));
  }
  return lines;
}

function evidenceLines(evidence: AnswerEvidence, timeZone?: string): string[] {
  return [
    `  ${day(evidence.time, timeZone)} ${evidence.author} in ${evidence.source} ${evidence.channelName ?? evidence.channel} (${evidence.messageId})`,
    `    "${evidence.snippet}"`,
  ];
}
