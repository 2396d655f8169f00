import type { ItemScores } from './match-items.js';
import type { WorkspaceScores } from './score-workspace.js';
import type { AskScores } from './score-ask.js';

const pct = (value: number): string => (value * 100).toFixed(1).padStart(5);

function row(name: string, scores: ItemScores, details: string): string {
  return `${name.padEnd(22)} ${pct(scores.precision)} ${pct(scores.recall)}   ${String(scores.matched).padStart(3)}/${String(scores.gold).padEnd(3)} found, ${scores.predicted} extracted${scores.duplicates ? ` (${scores.duplicates} duplicates)` : ''}${details ? `; ${details}` : ''}`;
}

/** The evaluation as lines for a terminal: one row per kind, then the briefs, then (on request) every miss. */
export function workspaceReportLines(scores: WorkspaceScores, options: { misses?: boolean } = {}): string[] {
  const lines = [`${'kind'.padEnd(22)}  prec   rec`];
  lines.push(row('decisions', scores.decisions, ''));
  lines.push(
    row(
      'action items',
      scores.actionItems,
      `assignee right ${scores.actionItems.labelRight}/${scores.actionItems.matched}, status right ${scores.actionItems.statusRight}/${scores.actionItems.matched}`,
    ),
  );
  lines.push(
    row(
      'questions for me',
      scores.questionsForMe,
      `answered state right ${scores.questionsForMe.answeredRight}/${scores.questionsForMe.matched}`,
    ),
  );
  lines.push(
    row(
      'ownership',
      scores.ownership,
      `owner right ${scores.ownership.labelRight}/${scores.ownership.matched}`,
    ),
  );
  lines.push(row('waiting at period end', scores.waitingAtEnd, ''));
  const c = scores.conversations;
  lines.push(
    `${'conversations'.padEnd(22)} VI ${pct(c.vi)}  1-1 ${pct(c.oneToOne)}  exact P/R/F ${pct(c.exact.precision)}/${pct(c.exact.recall)}/${pct(c.exact.f1)}  (${c.truthConversations} labelled, ${c.extractedConversations} extracted)`,
  );
  for (const brief of scores.briefs) {
    const s = brief.sections;
    lines.push(
      `brief ${brief.date}       must-include ${brief.found}/${brief.total} (${pct(brief.total ? brief.found / brief.total : 0)}%; cited ${brief.cited}): needs me ${s.needsMe.found}/${s.needsMe.total}, decisions ${s.decisions.found}/${s.decisions.total}, due soon ${s.dueSoon.found}/${s.dueSoon.total}; should-not-include shown ${brief.violations.length}`,
    );
  }
  if (!options.misses) return lines;
  const list = (title: string, scores: ItemScores): void => {
    lines.push('', `${title}: missed`);
    for (const miss of scores.misses)
      lines.push(`  - ${miss.id} ${miss.refs.join(' ')}${miss.label ? ` (${miss.label})` : ''}`);
    lines.push(`${title}: extracted but not labelled`);
    for (const extra of scores.falsePositives)
      lines.push(
        `  + ${extra.refs.join(' ')}${extra.label ? ` (${extra.label})` : ''}: ${extra.text.slice(0, 140)}`,
      );
    const wrong = scores.matches.filter((match) => !match.labelRight);
    if (wrong.length) lines.push(`${title}: wrong person`);
    for (const match of wrong)
      lines.push(
        `  ~ ${match.gold.id}: gold ${match.gold.label}, extracted ${match.predicted.label}: ${match.predicted.text.slice(0, 120)}`,
      );
  };
  list('decisions', scores.decisions);
  list('action items', scores.actionItems);
  if (scores.actionItems.statusWrong.length) lines.push('action items: wrong state');
  for (const wrong of scores.actionItems.statusWrong)
    lines.push(
      `  ~ ${wrong.goldId}: gold ${wrong.gold}: ${wrong.text.slice(0, 120)}${wrong.doneBy ? ` [done by ${wrong.doneBy}]` : ''}`,
    );
  list('questions for me', scores.questionsForMe);
  list('ownership', scores.ownership);
  list('waiting at period end', scores.waitingAtEnd);
  for (const brief of scores.briefs) {
    lines.push(
      '',
      `brief ${brief.date}: missing`,
      ...brief.missing.map((entry) => `  - ${entry}`),
      `brief ${brief.date}: shown but should not be`,
      ...brief.violations.map((entry) => `  ! ${entry}`),
    );
  }
  return lines;
}

/**
 * The ask list: the totals, then each wrong answer and each one right only with its cited messages
 * (all answers with `all`).
 */
export function askReportLines(scores: AskScores, options: { all?: boolean } = {}): string[] {
  const lines = [
    `ask                    ${scores.right}/${scores.total} right: answerable ${scores.answerableRight}/${scores.answerable}, unanswerable abstained ${scores.abstained}/${scores.unanswerable}; on the answer line alone ${scores.rightInLine}/${scores.total}`,
  ];
  for (const row of scores.rows) {
    const citedOnly = row.right && !row.rightInLine;
    if (row.right && !citedOnly && !options.all) continue;
    const why = citedOnly ? 'right only with the messages it cites' : row.why;
    lines.push(
      `  ${row.right ? 'ok ' : 'NO '} ${row.question} (as of ${row.asOf})${why ? ` — ${why}` : ''}`,
      `      ${row.answer.replace(/\s+/g, ' ').slice(0, 200)}`,
    );
  }
  return lines;
}
