import type { ConversationAnnotated, Evidence } from '../../domain/annotations.js';
import type { ConversationEntry, ConversationGroup } from './brief-types.js';
import { extractiveSummary } from './extractive-summary.js';
import type { SectionContext } from './waiting-section.js';

/** Conversations that overlap the window. */
export function windowConversations(context: SectionContext): ConversationAnnotated[] {
  return [...context.data.conversations.values()].filter(
    (conversation) => conversation.end >= context.since && conversation.start <= context.until,
  );
}

/** Components and projects the reader owns, works on or knows, as of the end of the window. */
export function myEntities(context: SectionContext): Set<string> {
  const { data, me, until } = context;
  const mine = new Set<string>();
  for (const fact of data.facts) {
    if (!me.has(fact.subject) || fact.validFrom > until) continue;
    if ((data.retractions.get(fact.factId)?.at ?? '~') <= until) continue;
    mine.add(fact.object);
  }
  return mine;
}

export function topicKey(topic: string): string {
  return (
    topic
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim() || 'untitled'
  );
}

/**
 * Conversations grouped by topic across channels and sources, most relevant first: you took part
 * (4), you were mentioned (3), about your components (2), then recency (up to 1). Noise is left
 * out here and counted by the caller.
 */
export function conversationsSection(context: SectionContext): {
  groups: ConversationGroup[];
  noise: { count: number; topics: string[] };
} {
  const { data, me, people, citer } = context;
  const all = windowConversations(context);
  const noise = all.filter((conversation) => conversation.noise);
  const mine = myEntities(context);
  const span = Math.max(1, Date.parse(context.until) - Date.parse(context.since));
  const byTopic = new Map<string, ConversationAnnotated[]>();
  for (const conversation of all.filter((candidate) => !candidate.noise)) {
    const key = topicKey(conversation.topic);
    byTopic.set(key, [...(byTopic.get(key) ?? []), conversation]);
  }
  // Each conversation cites the earliest message any of its decisions, asks or action items rest on.
  const firstEvidence = new Map<string, Evidence>();
  for (const item of [...data.decisions, ...data.questions.values(), ...data.items.values()]) {
    const evidence = item.evidence[0];
    const current = firstEvidence.get(item.conversationId);
    if (evidence && (!current || evidence.ts < current.ts)) firstEvidence.set(item.conversationId, evidence);
  }
  const groups: ConversationGroup[] = [];
  for (const members of byTopic.values()) {
    members.sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : a.conversationId.localeCompare(b.conversationId),
    );
    const ids = new Set(members.map((member) => member.conversationId));
    const reasons: string[] = [];
    let score = 0;
    if (members.some((member) => member.participants.some((key) => me.has(key)))) {
      reasons.push('you took part');
      score += 4;
    }
    if (members.some((member) => member.mentioned.some((key) => me.has(key)))) {
      reasons.push('mentions you');
      score += 3;
    }
    if (members.some((member) => member.entities.some((entity) => mine.has(entity)))) {
      reasons.push('your component');
      score += 2;
    }
    const latest = members.reduce((max, member) => (member.end > max ? member.end : max), members[0].end);
    score += Math.max(0, Math.min(1, 1 - (Date.parse(context.until) - Date.parse(latest)) / span));
    const participantKeys = [
      ...new Set(members.flatMap((member) => member.participants.map((key) => people.idOf(key)))),
    ].filter((key) => !people.isBot(key));
    const made = data.decisions.filter(
      (decision) =>
        ids.has(decision.conversationId) && decision.at >= context.since && decision.at <= context.until,
    );
    // A decision reversed within the window is history: the summary leads with what stands.
    const reversed = new Set(made.flatMap((decision) => (decision.reverses ? [decision.reverses] : [])));
    const decisions = made
      .filter((decision) => !reversed.has(decision.decisionId))
      .sort((a, b) => (a.at < b.at ? 1 : -1))
      .map((decision) => decision.summary);
    const asks = [...data.questions.values()]
      .filter(
        (question) =>
          ids.has(question.conversationId) &&
          question.at >= context.since &&
          question.at <= context.until &&
          question.kind !== 'question',
      )
      .map((question) => question.text);
    const entries: ConversationEntry[] = members.map((member) => {
      const first = firstEvidence.get(member.conversationId);
      const channel = data.channels.get(member.channel);
      return {
        conversationId: member.conversationId,
        channel: member.channel,
        channelName: citer.channelName(member.channel),
        source: channel?.source ?? member.channel.split(':')[0],
        start: member.start,
        end: member.end,
        messageCount: member.messageCount,
        summary: member.summary,
        citation: first ? citer.cite(first, member.conversationId) : null,
      };
    });
    groups.push({
      topic: members[members.length - 1].topic,
      reasons,
      score: Math.round(score * 1000) / 1000,
      participants: participantKeys.map((key) => people.ref(key)),
      summary: extractiveSummary({ decisions, asks, summaries: members.map((member) => member.summary) }),
      conversations: entries,
      summarySource: 'extractive',
      degraded: members.some((member) => member.provenance.degraded === true),
    });
  }
  groups.sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
  return {
    groups,
    noise: {
      count: noise.length,
      topics: [...new Set(noise.map((conversation) => conversation.topic))].sort(),
    },
  };
}
