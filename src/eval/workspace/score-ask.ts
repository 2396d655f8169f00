import type { TruthPerson, WorkspaceTruth } from './workspace-truth.js';
import { escapeRegExp } from '../../domain/escape-regexp.js';

/** What an answer showed the reader, for scoring: the one-line answer and the messages it cited. */
export interface ShownAnswer {
  known: boolean;
  text: string;
  snippets: readonly string[];
}

export interface AskRowScore {
  question: string;
  asOf: string;
  right: boolean;
  /** Right judged on the one-line answer alone, without the messages it cites. */
  rightInLine: boolean;
  unanswerable: boolean;
  /** Why it is wrong, in words (empty when right). */
  why: string;
  answer: string;
}

export interface AskScores {
  rows: AskRowScore[];
  right: number;
  total: number;
  answerable: number;
  answerableRight: number;
  unanswerable: number;
  abstained: number;
  /** Rows right on the one-line answer alone: what a reader gets without opening the citations. */
  rightInLine: number;
}

/** Lower case, accents off, so "Ines" matches "Inés". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const has = (haystack: string, needle: string): boolean => fold(haystack).includes(fold(needle));

function namesOf(person: TruthPerson): string[] {
  const first = person.name.split(/\s+/)[0];
  return [person.name, first, ...person.aka].filter((name) => name.length > 1);
}

function namesPerson(text: string, person: TruthPerson): boolean {
  const folded = fold(text);
  return namesOf(person).some((name) =>
    new RegExp(`(^|[^\\p{L}])${escapeRegExp(fold(name))}($|[^\\p{L}])`, 'u').test(folded),
  );
}

/**
 * Scores one workspace `ask` list. A row is right when: an unanswerable row is answered "I don't
 * know"; otherwise the answer is known, names the expected person in its one-line answer, contains
 * every `answer_contains`, one of `answer_contains_any`, one of each `answer_items` group (in the
 * answer or the messages it cites), and none of `must_not_say` in the answer line. `rightInLine`
 * counts the rows right on the answer line alone.
 */
export function scoreAsk(truth: WorkspaceTruth, answers: ReadonlyArray<ShownAnswer>): AskScores {
  const people = new Map(truth.people.map((person) => [person.id, person]));
  const rows = truth.ask.map((row, index): AskRowScore => {
    const answer = answers[index];
    const problems = problemsOf(row, answer, [answer.text, ...answer.snippets].join('\n'), people);
    return {
      question: row.q,
      asOf: row.as_of,
      right: problems.length === 0,
      rightInLine: problemsOf(row, answer, answer.text, people).length === 0,
      unanswerable: row.answer_unknown === true,
      why: problems.join('; '),
      answer: answer.text,
    };
  });
  const answerable = rows.filter((row) => !row.unanswerable);
  const unanswerable = rows.filter((row) => row.unanswerable);
  return {
    rows,
    right: rows.filter((row) => row.right).length,
    total: rows.length,
    answerable: answerable.length,
    answerableRight: answerable.filter((row) => row.right).length,
    unanswerable: unanswerable.length,
    abstained: unanswerable.filter((row) => row.right).length,
    rightInLine: rows.filter((row) => row.rightInLine).length,
  };
}

/** Why an answer is wrong, judged on `shown`: the answer line and its citations, or the line alone. */
function problemsOf(
  row: WorkspaceTruth['ask'][number],
  answer: ShownAnswer,
  shown: string,
  people: ReadonlyMap<string, TruthPerson>,
): string[] {
  const problems: string[] = [];
  if (row.answer_unknown) {
    if (answer.known) problems.push('should have said "I don\'t know"');
  } else {
    if (!answer.known) problems.push('said "I don\'t know"');
    const person = row.answer_person_id ? people.get(row.answer_person_id) : undefined;
    if (row.answer_person_id && (!person || !namesPerson(answer.text, person)))
      problems.push(`does not name ${row.answer_person ?? row.answer_person_id}`);
    for (const needle of row.answer_contains ?? [])
      if (!has(shown, needle)) problems.push(`lacks "${needle}"`);
    if (row.answer_contains_any && !row.answer_contains_any.some((needle) => has(shown, needle)))
      problems.push(`lacks any of ${row.answer_contains_any.map((n) => `"${n}"`).join(', ')}`);
    for (const group of row.answer_items ?? [])
      if (!group.some((needle) => has(shown, needle)))
        problems.push(
          `lacks ${group.length > 1 ? 'any of ' : ''}${group
            .slice(0, 4)
            .map((n) => `"${n}"`)
            .join(', ')}`,
        );
  }
  for (const needle of row.must_not_say ?? [])
    if (has(answer.text, needle)) problems.push(`says "${needle}"`);
  return problems;
}
