import type { AnnotateOutput } from '../../pipeline/annotate/annotate-types.js';

/** One conversation of a probe set and what a reader expects from it (fixtures/probes/README.md). */
export interface ProbeCase {
  id: string;
  lines: Array<[string, string]>;
  expect: {
    decisions: string[];
    items: Array<{ assignee: string; what?: string; due: string | null; done?: boolean }>;
    questions: Array<{ to: string; answered?: boolean }>;
    ownership: Array<{ person: string; thing?: string; kind: 'owns' | 'expert' | 'none'; hedged?: boolean }>;
    nothing?: boolean;
  };
}

/** Gold, found and right counts of one kind. */
export interface KindCount {
  gold: number;
  found: number;
  right: number;
}

export interface ProbeScore {
  cases: number;
  casesRight: number;
  kinds: Record<'decisions' | 'items' | 'questions' | 'ownership', KindCount>;
  /** Per case that is not all right: what differs. */
  misses: Array<{ id: string; notes: string[] }>;
}

/** A person key of the probe team (`slack:T1:USAM`) as the probe writes it (`sam`). */
const short = (key: string | null | undefined): string =>
  key ? key.replace(/^.*:U/, '').toLowerCase() : '-';

/**
 * Scores annotate outputs against a probe set, by person and count (not by wording): decisions by
 * how many final ones a conversation has (a reversal and what it reverses are one), action items by
 * assignee (then due day and done), questions by addressee (then answered), ownership and expertise
 * by person (then relation and hedge). Assignments of gold to found are greedy, first match first.
 */
export function scoreProbe(cases: readonly ProbeCase[], outputs: readonly AnnotateOutput[]): ProbeScore {
  const kinds = {
    decisions: { gold: 0, found: 0, right: 0 },
    items: { gold: 0, found: 0, right: 0 },
    questions: { gold: 0, found: 0, right: 0 },
    ownership: { gold: 0, found: 0, right: 0 },
  };
  const misses: ProbeScore['misses'] = [];
  cases.forEach((probe, index) => {
    const out = outputs[index];
    const want = probe.expect;
    const notes: string[] = [];
    const finals = out.decisions.filter((d) => !out.decisions.some((other) => other.reverses === d.id));
    count(
      kinds.decisions,
      want.decisions.length,
      finals.length,
      Math.min(finals.length, want.decisions.length),
    );
    if (finals.length !== want.decisions.length)
      notes.push(`decisions: want ${want.decisions.length}, found ${finals.length}`);

    const done = new Set(out.completions.map((completion) => completion.itemId));
    const items = [...out.actionItems];
    let itemsRight = 0;
    for (const gold of want.items) {
      const at = items.findIndex((item) => short(item.assignee) === gold.assignee);
      if (at < 0) {
        notes.push(`item missing for ${gold.assignee}`);
        continue;
      }
      const [item] = items.splice(at, 1);
      itemsRight++;
      if ((gold.due ?? null) !== (item.due ? item.due.slice(0, 10) : null))
        notes.push(`item of ${gold.assignee}: due ${item.due ?? null}, want ${gold.due}`);
      if (Boolean(gold.done) !== done.has(item.id))
        notes.push(`item of ${gold.assignee}: done ${done.has(item.id)}`);
    }
    for (const item of items) notes.push(`item extra for ${short(item.assignee)}`);
    count(kinds.items, want.items.length, out.actionItems.length, itemsRight);

    const asked = out.questions.filter((question) => question.addressees.length > 0);
    const questions = [...asked];
    let questionsRight = 0;
    for (const gold of want.questions) {
      const at = questions.findIndex((question) => question.addressees.map(short).includes(gold.to));
      if (at < 0) {
        notes.push(`question to ${gold.to} missing`);
        continue;
      }
      const [question] = questions.splice(at, 1);
      questionsRight++;
      if (Boolean(gold.answered) !== Boolean(question.answered))
        notes.push(`question to ${gold.to}: answered state`);
    }
    count(kinds.questions, want.questions.length, asked.length, questionsRight);

    const held = out.facts.filter((fact) => fact.relation === 'owns' || fact.relation === 'expert_in');
    const facts = [...held];
    const gold = want.ownership.filter((entry) => entry.kind !== 'none');
    let factsRight = 0;
    for (const entry of gold) {
      const at = facts.findIndex((fact) => short(fact.subject) === entry.person);
      if (at < 0) {
        notes.push(`${entry.kind} of ${entry.person} missing`);
        continue;
      }
      facts.splice(at, 1);
      factsRight++;
    }
    for (const fact of facts)
      notes.push(`${fact.relation} extra for ${short(fact.subject)} (${fact.object})`);
    count(kinds.ownership, gold.length, held.length, factsRight);
    if (notes.length > 0) misses.push({ id: probe.id, notes });
  });
  return { cases: cases.length, casesRight: cases.length - misses.length, kinds, misses };
}

function count(kind: KindCount, gold: number, found: number, right: number): void {
  kind.gold += gold;
  kind.found += found;
  kind.right += right;
}
