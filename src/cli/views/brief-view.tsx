import { Box, Text, type TextProps } from 'ink';
import type { ReactNode } from 'react';
import type { Brief, Citation } from '../../answers/brief/brief-types.js';
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
} from '../../answers/brief/render-shared.js';

function Section({
  title,
  count,
  color,
  children,
}: {
  title: string;
  count: number;
  color: string;
  children: ReactNode;
}) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        <Text bold color={color}>
          {title}
        </Text>
        <Text dimColor> ({count})</Text>
      </Text>
      {count === 0 ? <Text dimColor> nothing</Text> : children}
    </Box>
  );
}

function Cite({ citation }: { citation: Citation | undefined }) {
  return citation ? (
    <Box paddingLeft={4}>
      <Text dimColor>{citeText(citation)}</Text>
    </Box>
  ) : null;
}

/** A line that keeps its indentation when it wraps: `mark` hangs, the text wraps beside it. */
function Item({
  indent,
  mark,
  children,
  ...text
}: { indent: number; mark?: string; children: string } & TextProps) {
  return (
    <Box paddingLeft={indent}>
      {mark ? <Text {...text}>{`${mark} `}</Text> : null}
      <Text {...text}>{children}</Text>
    </Box>
  );
}

/** The brief on a terminal: sections in order, with counts, colour and one citation per item. */
export function BriefView({ brief }: { brief: Brief }) {
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>Brief for {brief.reader.name}</Text>
        <Text dimColor> — {windowText(brief)}</Text>
      </Text>
      <Text dimColor>{countsText(brief)}</Text>
      {(brief.notes ?? []).map((note) => (
        <Text key={note} color="yellow">
          {note}
        </Text>
      ))}
      {brief.degraded ? (
        <Text color="yellow">Some items come from the heuristic fallback (model unavailable): degraded.</Text>
      ) : null}

      <Section title={SECTION_TITLES.waiting} count={brief.waiting.length} color="red">
        {brief.waiting.map((item) => (
          <Box key={`${item.kind}:${item.id}`} flexDirection="column">
            <Item
              indent={2}
              mark="•"
              color={item.state === 'overdue' ? 'red' : item.state === 'due-soon' ? 'yellow' : undefined}
            >
              {waitingText(item)}
            </Item>
            <Cite citation={item.evidence[0]} />
          </Box>
        ))}
      </Section>

      <Section title={SECTION_TITLES.dueSoon} count={brief.dueSoon.length} color="yellow">
        {brief.dueSoon.map((item) => (
          <Box key={`${item.id}:${item.due}`} flexDirection="column">
            <Text
              color={item.state === 'overdue' ? 'red' : undefined}
            >{`  • ${dueSoonText(item, brief.timezone)}`}</Text>
            <Cite citation={item.evidence[0]} />
          </Box>
        ))}
        {longOverdueText(brief) ? <Text dimColor>{`  ${longOverdueText(brief)}`}</Text> : null}
      </Section>

      <Section title={SECTION_TITLES.decisions} count={brief.decisions.length} color="green">
        {brief.decisions.map((item) => (
          <Box key={item.id} flexDirection="column">
            <Item indent={2} mark="•" strikethrough={item.reversedBy !== null}>
              {decisionText(item)}
            </Item>
            <Cite citation={item.evidence[0]} />
          </Box>
        ))}
      </Section>

      <Section
        title={`${SECTION_TITLES.day}, ${brief.day.date}`}
        count={brief.day.meetings.length}
        color="blue"
      >
        {brief.day.meetings.map((meeting) => (
          <Box key={`${meeting.uid}:${meeting.occurrence}`} flexDirection="column">
            <Text>
              <Text bold>{`  ${meeting.localTime}`}</Text> {meeting.summary}
              {meeting.location ? <Text dimColor> @ {meeting.location}</Text> : null}
            </Text>
            {meeting.attendees.length > 0 ? (
              <Text dimColor>{`    with ${meeting.attendees.map((person) => person.name).join(', ')}`}</Text>
            ) : null}
            {meeting.related.map((related) => (
              <Item key={related.conversationId} indent={4} mark="↳" color="cyan">
                {`${related.topic} (${related.why})`}
              </Item>
            ))}
            {meeting.openItems.map((open) => (
              <Item key={open.id} indent={4} mark="○" color="magenta">
                {`${open.kind}: ${open.text}`}
              </Item>
            ))}
          </Box>
        ))}
      </Section>

      <Section title={SECTION_TITLES.conversations} count={brief.conversations.length} color="cyan">
        {brief.conversations.slice(0, SHOWN_CONVERSATIONS).map((group) => (
          <Box key={group.topic} flexDirection="column">
            <Text>
              <Text bold>{`  ${group.topic}`}</Text>
              {group.reasons.length > 0 ? <Text color="yellow"> [{group.reasons.join(', ')}]</Text> : null}
              <Text dimColor>
                {' '}
                {[
                  ...new Set(group.conversations.map((entry) => `${entry.source} ${entry.channelName}`)),
                ].join(', ')}
              </Text>
            </Text>
            {group.participants.length > 0 ? (
              <Text dimColor>{`    ${group.participants.map((person) => person.name).join(', ')}`}</Text>
            ) : null}
            {group.summary.map((line, index) => (
              <Item key={index} indent={4}>
                {line}
              </Item>
            ))}
            <Cite citation={group.conversations.find((entry) => entry.citation)?.citation ?? undefined} />
          </Box>
        ))}
        {moreConversationsText(brief) ? <Text dimColor>{`  ${moreConversationsText(brief)}`}</Text> : null}
        {brief.noise.count > 0 ? (
          <Text
            dimColor
          >{`  + ${brief.noise.count} noise conversation${brief.noise.count === 1 ? '' : 's'} collapsed`}</Text>
        ) : null}
      </Section>

      <Section title={SECTION_TITLES.facts} count={brief.facts.length} color="magenta">
        {brief.facts.map((item, index) => (
          <Box key={`${item.change}:${item.object.id}:${index}`} flexDirection="column">
            <Item indent={2} mark="•">
              {factText(item)}
            </Item>
            <Cite citation={item.evidence[0]} />
          </Box>
        ))}
      </Section>
    </Box>
  );
}
