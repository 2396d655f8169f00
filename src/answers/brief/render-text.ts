import type { Brief } from './brief-types.js';
import {
  citeText,
  countsText,
  moreConversationsText,
  SHOWN_CONVERSATIONS,
  decisionText,
  dueSoonText,
  factText,
  longOverdueText,
  SECTION_TITLES,
  waitingText,
  windowText,
} from './render-shared.js';

/** The brief as plain text lines (non-TTY output): sections with counts, every item cited. */
export function renderBriefText(brief: Brief): string[] {
  const lines: string[] = [`Brief for ${brief.reader.name} — ${windowText(brief)}`, countsText(brief)];
  for (const note of brief.notes ?? []) lines.push(`Note: ${note}`);
  if (brief.degraded)
    lines.push('Note: some items come from the heuristic fallback (model unavailable): degraded.');
  const section = (title: string, count: number): void => {
    lines.push('', `${title} (${count})`);
    if (count === 0) lines.push('  nothing');
  };

  section(SECTION_TITLES.waiting, brief.waiting.length);
  for (const item of brief.waiting) {
    lines.push(`  - ${waitingText(item)}`);
    for (const citation of item.evidence.slice(0, 1)) lines.push(`      ${citeText(citation)}`);
  }

  section(SECTION_TITLES.dueSoon, brief.dueSoon.length);
  for (const item of brief.dueSoon) {
    lines.push(`  - ${dueSoonText(item, brief.timezone)}`);
    for (const citation of item.evidence.slice(0, 1)) lines.push(`      ${citeText(citation)}`);
  }
  const longOverdue = longOverdueText(brief);
  if (longOverdue) lines.push(`  ${longOverdue}`);

  section(SECTION_TITLES.decisions, brief.decisions.length);
  for (const item of brief.decisions) {
    lines.push(`  - ${decisionText(item)}`);
    for (const citation of item.evidence.slice(0, 1)) lines.push(`      ${citeText(citation)}`);
  }

  section(`${SECTION_TITLES.day}, ${brief.day.date}`, brief.day.meetings.length);
  for (const meeting of brief.day.meetings) {
    const where = meeting.location ? ` @ ${meeting.location}` : '';
    lines.push(
      `  - ${meeting.localTime} ${meeting.summary}${where}${meeting.recurring ? ' (recurring)' : ''}`,
    );
    if (meeting.attendees.length > 0)
      lines.push(`      with ${meeting.attendees.map((person) => person.name).join(', ')}`);
    for (const related of meeting.related) lines.push(`      related: ${related.topic} (${related.why})`);
    for (const open of meeting.openItems) lines.push(`      open ${open.kind}: ${open.text}`);
  }

  section(SECTION_TITLES.conversations, brief.conversations.length);
  for (const group of brief.conversations.slice(0, SHOWN_CONVERSATIONS)) {
    const where = [
      ...new Set(group.conversations.map((entry) => `${entry.source} ${entry.channelName}`)),
    ].join(', ');
    const why = group.reasons.length > 0 ? ` [${group.reasons.join(', ')}]` : '';
    lines.push(`  - ${group.topic}${why} — ${where}`);
    if (group.participants.length > 0)
      lines.push(`      ${group.participants.map((person) => person.name).join(', ')}`);
    for (const line of group.summary) lines.push(`      ${line}`);
    const citation = group.conversations.find((entry) => entry.citation)?.citation;
    if (citation) lines.push(`      ${citeText(citation)}`);
  }
  const more = moreConversationsText(brief);
  if (more) lines.push(`  ${more}`);
  if (brief.noise.count > 0)
    lines.push(
      `  + ${brief.noise.count} noise conversation${brief.noise.count === 1 ? '' : 's'} collapsed (bots, joins, small talk)`,
    );

  section(SECTION_TITLES.facts, brief.facts.length);
  for (const item of brief.facts) {
    lines.push(`  - ${factText(item)}`);
    for (const citation of item.evidence.slice(0, 1)) lines.push(`      ${citeText(citation)}`);
  }
  return lines;
}
