import { stringify } from 'yaml';
import type { Brief, Citation } from './brief-types.js';
import {
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

/** A citation as markdown: where, who, when, and the native id as code. */
function cite(citation: Citation): string {
  return `*${citation.source} ${escape(citation.channelName)}, ${escape(citation.authorName)}, ${citation.localTime}* \`${citation.nativeId}\``;
}

/** The brief as markdown with stable `##` headings (one per section, always present). */
export function renderBriefMarkdown(brief: Brief): string {
  const out: string[] = [
    `# Brief for ${escape(brief.reader.name)}`,
    '',
    `${windowText(brief)}  `,
    countsText(brief),
  ];
  for (const note of brief.notes ?? []) out.push('', `> ${note}`);
  if (brief.degraded)
    out.push('', '> Some items come from the heuristic fallback (model unavailable): **degraded**.');
  const section = (title: string, count: number): void => {
    out.push('', `## ${title} (${count})`, '');
    if (count === 0) out.push('_Nothing._');
  };

  section(SECTION_TITLES.waiting, brief.waiting.length);
  for (const item of brief.waiting)
    out.push(`- ${escape(waitingText(item))}${item.evidence[0] ? ` — ${cite(item.evidence[0])}` : ''}`);

  section(SECTION_TITLES.dueSoon, brief.dueSoon.length);
  for (const item of brief.dueSoon)
    out.push(
      `- ${escape(dueSoonText(item, brief.timezone))}${item.evidence[0] ? ` — ${cite(item.evidence[0])}` : ''}`,
    );
  const longOverdue = longOverdueText(brief);
  if (longOverdue) out.push('', `_${escape(longOverdue)}_`);

  section(SECTION_TITLES.decisions, brief.decisions.length);
  for (const item of brief.decisions)
    out.push(`- ${escape(decisionText(item))}${item.evidence[0] ? ` — ${cite(item.evidence[0])}` : ''}`);

  section(SECTION_TITLES.day, brief.day.meetings.length);
  for (const meeting of brief.day.meetings) {
    out.push(
      `- **${meeting.localTime}** ${escape(meeting.summary)}${meeting.location ? ` (${escape(meeting.location)})` : ''}`,
    );
    if (meeting.attendees.length > 0)
      out.push(`  - with ${meeting.attendees.map((person) => escape(person.name)).join(', ')}`);
    for (const related of meeting.related)
      out.push(
        `  - related: ${escape(related.topic)} — ${escape(related.why)} (\`${related.conversationId}\`)`,
      );
    for (const open of meeting.openItems) out.push(`  - open ${open.kind}: ${escape(open.text)}`);
  }

  section(SECTION_TITLES.conversations, brief.conversations.length);
  for (const group of brief.conversations.slice(0, SHOWN_CONVERSATIONS)) {
    const where = [
      ...new Set(group.conversations.map((entry) => `${entry.source} ${entry.channelName}`)),
    ].join(', ');
    out.push(`### ${escape(group.topic)}`, '');
    out.push(`${escape(where)}${group.reasons.length > 0 ? ` · ${group.reasons.join(', ')}` : ''}  `);
    if (group.participants.length > 0)
      out.push(`Participants: ${group.participants.map((person) => escape(person.name)).join(', ')}  `);
    for (const line of group.summary) out.push(`> ${escape(line)}  `);
    out.push('');
    for (const entry of group.conversations) {
      out.push(
        `- \`${entry.conversationId}\` ${entry.source} ${escape(entry.channelName)}, ${entry.messageCount} messages${entry.citation ? ` — ${cite(entry.citation)}` : ''}`,
      );
    }
    out.push('');
  }
  const more = moreConversationsText(brief);
  if (more) out.push(`_${escape(more)}_`, '');
  if (brief.noise.count > 0)
    out.push(
      `_${brief.noise.count} noise conversation${brief.noise.count === 1 ? '' : 's'} collapsed (bots, joins, small talk)._`,
    );

  section(SECTION_TITLES.facts, brief.facts.length);
  for (const item of brief.facts)
    out.push(`- ${escape(factText(item))}${item.evidence[0] ? ` — ${cite(item.evidence[0])}` : ''}`);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** YAML front matter for a digest: date, window, counts, degraded. */
export function digestFrontMatter(brief: Brief, fireTime: Date): string {
  const meta = {
    title: `outro digest ${fireTime.toISOString()}`,
    date: fireTime.toISOString(),
    reader: brief.reader.name,
    timezone: brief.timezone,
    window: { since: brief.window.since, until: brief.window.until },
    counts: brief.counts,
    degraded: brief.degraded,
  };
  return `---\n${stringify(meta).trimEnd()}\n---\n`;
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}
