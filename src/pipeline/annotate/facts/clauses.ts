/**
 * A unit (marked with person slots) cut into clauses, each read by one ownership frame:
 * "label printing → ask ⟦0⟧, payroll/benefits → ⟦1⟧" is two clauses; "for anything database, ⟦0⟧"
 * and "whoever owns the renewal, which is ⟦0⟧" stay one. A short heading before a colon
 * ("for anyone new on Halden: …", "small correction: …") is set apart: it names what the list is about.
 */
export interface UnitClauses {
  heading: string | undefined;
  clauses: string[];
}

const HEADING = /^([^:⟦]{1,80}?):\s+(?=\S)/;
const BOUNDARY =
  /\s*;\s*|,\s+|[.!?]\s+|\s+(?:so|but|because|though|although|whereas|while|plus)\s+|\s+and\s+(?=(?:⟦\d+⟧|that|this|it)\b)/i;

export function clausesOf(marked: string): UnitClauses {
  // Emoji (":pray:", "👋") carry no slot.
  let rest = marked
    .replace(/:[a-z0-9_+-]+:/gi, ' ')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
  let heading: string | undefined;
  const head = HEADING.exec(rest);
  if (head && head[1].split(/\s+/).length <= 10 && !/\d$/.test(head[1])) {
    heading = head[1].trim();
    rest = rest.slice(head[0].length);
  }
  const clauses: string[] = [];
  for (const part of rest.split(new RegExp(BOUNDARY.source, 'gi'))) {
    const clause = withoutTrailingMention(part.trim());
    if (!clause) continue;
    const previous = clauses.length - 1;
    // A person alone ("…, Ines") or "which is you" finishes the clause before it.
    if (
      previous >= 0 &&
      (/^⟦\d+⟧(?:'s)?\s*[.!]*$/.test(clause) ||
        /^(?:which|that|who)\s*(?:is|'s|’s|would be)\s+⟦/i.test(clause))
    )
      clauses[previous] = `${clauses[previous]}, ${clause}`;
    else clauses.push(clause);
  }
  return { heading, clauses };
}

/** "that's ⟦0⟧'s now ⟦0⟧": a trailing @mention of someone the clause already names is a cc, not a slot. */
function withoutTrailingMention(clause: string): string {
  const trailing = /\s+(⟦\d+⟧)[\s.!]*$/.exec(clause);
  return trailing && clause.slice(0, trailing.index).includes(trailing[1])
    ? clause.slice(0, trailing.index)
    : clause;
}
