import { ON_CALL_ROTATION, type ConversationExtracted, type Evidence } from '../../domain/annotations.js';
import type { BriefData } from '../../answers/brief/brief-data.js';
import type { Brief, Citation } from '../../answers/brief/brief-types.js';
import { scoreAgainstTruth, type ConversationTruthScores } from '../conversations/truth-score.js';
import { matchItems, type GoldItem, type ItemScores, type PredictedItem } from './match-items.js';
import type { GoldBrief, TruthBriefEntry, WorkspaceTruth } from './workspace-truth.js';

/** What one evaluation run extracted from a workspace, read back from its store. */
export interface WorkspaceExtraction {
  data: BriefData;
  /** The latest extraction of every conversation. */
  conversations: ConversationExtracted[];
  /** Truth person id of a person key (any linked identity), when the person is in the truth. */
  personOf(key: string): string | undefined;
  /** The reader's brief over the whole period, as of its end. */
  periodBrief: Brief;
  /** One brief per gold brief, over its window. */
  briefs: Array<{ gold: GoldBrief; brief: Brief }>;
}

export interface BriefScores {
  date: string;
  /** Gold entries found (an item in the right section cites one of its messages and says every must-include word). */
  found: number;
  total: number;
  /** Gold entries whose messages are cited in the right section, words or not. */
  cited: number;
  missing: string[];
  /** should_not_include entries the brief's waiting or due-soon sections still show. */
  violations: string[];
  sections: Record<'needsMe' | 'decisions' | 'dueSoon', { found: number; total: number }>;
}

export interface WorkspaceScores {
  decisions: ItemScores;
  actionItems: ItemScores & {
    statusRight: number;
    /** Matched items whose done/open state differs from the gold one. */
    statusWrong: { goldId: string; gold: string; text: string; doneBy?: string }[];
  };
  questionsForMe: ItemScores & { answeredRight: number };
  ownership: ItemScores;
  waitingAtEnd: ItemScores;
  conversations: ConversationTruthScores;
  briefs: BriefScores[];
}

/** `slack:<channel>:<ts>`, `discord:<id>`, `teams:<id>`: the truth's message ids. */
export function truthRef(source: string, channel: string, id: string): string {
  return source === 'slack' ? `slack:${channel}:${id}` : `${source}:${id}`;
}

const refOfEvidence = (evidence: Pick<Evidence, 'source' | 'channel' | 'id'>): string =>
  truthRef(evidence.source, evidence.channel, evidence.id);

function refOfCitation(citation: Citation): string {
  const [source, , ...channel] = citation.channel.split(':');
  return truthRef(source, channel.join(':'), citation.nativeId);
}

function refOfChannelKey(channelKey: string, id: string): string {
  const [source, , ...channel] = channelKey.split(':');
  return truthRef(source, channel.join(':'), id);
}

export function scoreWorkspace(truth: WorkspaceTruth, extraction: WorkspaceExtraction): WorkspaceScores {
  const { data, personOf } = extraction;
  const me = truth.me;

  const decisions = matchItems(
    truth.decisions.map((decision) => ({ id: decision.id, refs: decision.evidence_message_ids })),
    [...data.decisions]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((decision) => ({
        id: decision.decisionId,
        refs: decision.evidence.map(refOfEvidence),
        text: decision.summary,
      })),
  );

  const items = [...data.items.values()].sort((a, b) => a.at.localeCompare(b.at));
  const actionScores = matchItems(
    truth.action_items.map((item) => ({
      id: item.id,
      refs: item.evidence_message_ids,
      label: item.assignee ?? null,
    })),
    items.map((item) => ({
      id: item.itemId,
      refs: item.evidence.map(refOfEvidence),
      label: item.assignee ? (personOf(item.assignee) ?? item.assignee) : null,
      text: item.summary,
    })),
  );
  const goldStatus = new Map(truth.action_items.map((item) => [item.id, item.status]));
  const stateOf = (id: string): string => (data.completions.has(id) ? 'done' : 'open');
  const statusWrong = actionScores.matches
    .filter((match) => stateOf(match.predicted.id) !== goldStatus.get(match.gold.id))
    .map((match) => ({
      goldId: match.gold.id,
      gold: goldStatus.get(match.gold.id) ?? 'unknown',
      text: match.predicted.text,
      doneBy: data.completions.get(match.predicted.id)?.evidence.map(refOfEvidence).join(' '),
    }));
  const statusRight = actionScores.matches.length - statusWrong.length;

  // What someone asked of the reader: questions addressed to them, and requests to them put as a
  // question ("could you hop on a quick call Friday?"), which outro keeps as action items.
  const mine = [
    ...[...data.questions.values()]
      .filter((question) => question.addressees.some((key) => personOf(key) === me))
      .map((question) => ({
        id: question.questionId,
        at: question.at,
        refs: question.evidence.map(refOfEvidence),
        text: question.text,
      })),
    ...[...data.items.values()]
      .filter(
        (item) =>
          item.assignee !== null &&
          personOf(item.assignee) === me &&
          personOf(item.requestedBy) !== me &&
          // Asked as a question; a summary may add what its "it" means in brackets after it.
          /\?\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*$/.test(item.summary),
      )
      .map((item) => ({
        id: item.itemId,
        at: item.at,
        refs: item.evidence.slice(0, 1).map(refOfEvidence),
        text: item.summary,
      })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const questionScores = matchItems(
    truth.questions_for_me.map((question) => ({ id: question.message_id, refs: [question.message_id] })),
    mine,
  );
  const goldAnswered = new Map(
    truth.questions_for_me.map((question) => [question.message_id, question.answered]),
  );
  const answeredRight = questionScores.matches.filter(
    (match) =>
      (data.answers.has(match.predicted.id) || data.completions.has(match.predicted.id)) ===
      goldAnswered.get(match.gold.id),
  ).length;

  const ownership = matchItems(
    truth.ownership.map((row, index) => ({
      id: `${row.component}#${index}`,
      refs: row.evidence_message_ids,
      label: row.owner,
    })),
    [
      ...data.facts
        // Holding the primary pager is how the truth records on-call ownership.
        .filter(
          (fact) =>
            (fact.relation === 'owns' || (fact.relation === 'on_call' && fact.object === ON_CALL_ROTATION)) &&
            data.retractions.get(fact.factId)?.reason !== 'correction',
        )
        .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
        // One fact said several times ("Leila owns payroll" in three channels) is one prediction with all its messages.
        .reduce((byPair, fact) => {
          const label = personOf(fact.subject) ?? fact.subject;
          const pair = `${label}|${fact.object}`;
          const refs = fact.evidence.map(refOfEvidence);
          const seen = byPair.get(pair);
          if (seen) seen.refs = [...new Set([...seen.refs, ...refs])];
          else
            byPair.set(pair, { id: fact.factId, refs, label, text: `${fact.subject} owns ${fact.object}` });
          return byPair;
        }, new Map<string, PredictedItem>())
        .values(),
    ],
  );

  const waitingGold: GoldItem[] = [
    ...truth.questions_for_me
      .filter((question) => !question.answered)
      .map((question) => ({ id: question.message_id, refs: [question.message_id] })),
    ...truth.action_items
      .filter((item) => item.status === 'open' && item.assignee === me)
      .map((item) => ({ id: item.id, refs: item.evidence_message_ids })),
  ];
  const waitingAtEnd = matchItems(
    waitingGold,
    extraction.periodBrief.waiting.map((item) => ({
      id: item.id,
      refs: item.evidence.map(refOfCitation),
      text: item.text,
    })),
  );

  const conversations = scoreAgainstTruth(
    extraction.conversations,
    truth.conversations.map((conversation) => ({ id: conversation.id, messages: conversation.message_ids })),
    refOfChannelKey,
  );

  return {
    decisions,
    actionItems: { ...actionScores, statusRight, statusWrong },
    questionsForMe: { ...questionScores, answeredRight },
    ownership,
    waitingAtEnd,
    conversations,
    briefs: extraction.briefs.map(({ gold, brief }) => scoreBrief(gold, brief)),
  };
}

interface ShownItem {
  refs: string[];
  text: string;
}

/** What a section shows of each item: its words, the conversation topic printed beside it, the cited snippets. */
function shown(
  items: ReadonlyArray<{ text?: string; summary?: string; topic?: string | null; evidence: Citation[] }>,
): ShownItem[] {
  return items.map((item) => ({
    refs: item.evidence.map(refOfCitation),
    text: [
      item.text ?? item.summary ?? '',
      item.topic ?? '',
      ...item.evidence.map((citation) => citation.snippet),
    ]
      .join(' ')
      .toLowerCase(),
  }));
}

function scoreBrief(gold: GoldBrief, brief: Brief): BriefScores {
  const dueSoonSection = brief.dueSoon;
  const sections = {
    needsMe: { gold: gold.needsMe, shown: shown(brief.waiting) },
    decisions: { gold: gold.decisions, shown: shown(brief.decisions) },
    dueSoon: { gold: gold.dueSoon, shown: [...shown(dueSoonSection), ...shown(brief.waiting)] },
  };
  const scores: BriefScores = {
    date: gold.date,
    found: 0,
    total: 0,
    cited: 0,
    missing: [],
    violations: [],
    sections: {
      needsMe: { found: 0, total: 0 },
      decisions: { found: 0, total: 0 },
      dueSoon: { found: 0, total: 0 },
    },
  };
  for (const [name, section] of Object.entries(sections) as Array<
    [keyof typeof sections, { gold: TruthBriefEntry[]; shown: ShownItem[] }]
  >) {
    for (const entry of section.gold) {
      const citing = section.shown.filter((item) =>
        item.refs.some((ref) => entry.evidence_message_ids.includes(ref)),
      );
      const found = citing.some((item) =>
        entry.must_include.every((word) => item.text.includes(word.toLowerCase())),
      );
      scores.total++;
      scores.sections[name].total++;
      if (citing.length > 0) scores.cited++;
      if (found) {
        scores.found++;
        scores.sections[name].found++;
      } else scores.missing.push(`${name}: ${entry.summary}`);
    }
  }
  // Only the open-item sections: a decision may rightly cite a message that must not show as waiting.
  const attention = [...sections.needsMe.shown, ...shown(dueSoonSection)];
  for (const entry of gold.shouldNotInclude) {
    if (attention.some((item) => item.refs.some((ref) => entry.evidence_message_ids.includes(ref))))
      scores.violations.push(entry.summary);
  }
  return scores;
}

export type { PredictedItem };
