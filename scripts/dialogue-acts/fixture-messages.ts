import type { ActContext, DialogueAct } from '../../src/pipeline/annotate/acts/act.js';
import { splitUnits } from '../../src/pipeline/annotate/units/split-units.js';
import type { Unit } from '../../src/pipeline/annotate/units/unit.js';
import { loadStory } from '../fixtures/load-story.js';
import { plainText } from '../fixtures/markup.js';
import type { Message, Story } from '../fixtures/story-model.js';

/** A message of a fixture story with the acts its labels give it. */
export interface FixtureMessage {
  where: string;
  text: string;
  units: Unit[];
  context: ActContext;
  /** The acts the labels give it; empty: unlabelled (other); null: labelled as something our classes do not name (an answer). */
  gold: Set<DialogueAct> | null;
  /** Positions in the returned list of the message it replies to and of the previous one in its conversation. */
  replyToIndex?: number;
  previousIndex?: number;
}

/** Which act a message stands for when it is the context of the next one. */
const PRIMARY: DialogueAct[] = [
  'decision',
  'proposal',
  'request',
  'question',
  'commitment',
  'completion',
  'ownership',
];

/**
 * Each message's acts from the story's labels (fixtures/README.md): the first evidence of a
 * decision is a `decision`, an earlier one a `proposal`; an action item's evidence is a `request`,
 * or a `commitment` when the assignee wrote it; its `completed_by` a `completion`; a question's
 * evidence a `question`; an owns/expert_in fact's evidence `ownership`. Answers are left unknown.
 */
export function fixtureMessages(storyDir: string): FixtureMessage[] {
  const story = loadStory(storyDir);
  const gold = goldActs(story);
  const out: FixtureMessage[] = [];
  const position = new Map<Message, number>();
  for (const channel of story.channels) {
    const previousInConversation = new Map<string, Message>();
    for (const message of channel.messages) {
      const sub = message.attrs.sub;
      if (sub !== undefined && sub !== 'file') continue;
      const text = plainText(message.text, (id) => story.people.get(id)?.name ?? id);
      const acts = message.key ? gold.get(message.key) : undefined;
      const contextAct = (other: Message | undefined): DialogueAct | undefined => {
        if (!other) return undefined;
        const set = other.key ? gold.get(other.key) : new Set<DialogueAct>();
        if (set === null) return undefined;
        return PRIMARY.find((act) => set?.has(act)) ?? 'other';
      };
      const previous = previousInConversation.get(message.conv);
      previousInConversation.set(message.conv, message);
      const units = splitUnits(text);
      position.set(message, out.length);
      out.push({
        where: `${message.file}:${message.line}`,
        text,
        units,
        context: {
          reply: message.replyTo !== undefined,
          replyToAct: contextAct(message.replyTo),
          previousAct: contextAct(previous),
          dm: channel.kind === 'dm',
          unitCount: units.length,
        },
        gold: acts === undefined ? new Set() : acts,
        replyToIndex: message.replyTo ? position.get(message.replyTo) : undefined,
        previousIndex: previous ? position.get(previous) : undefined,
      });
    }
  }
  return out;
}

/** Label key → acts (null: labelled only as an answer). */
function goldActs(story: Story): Map<string, Set<DialogueAct> | null> {
  const acts = new Map<string, Set<DialogueAct> | null>();
  const add = (key: string, act: DialogueAct) => {
    const set = acts.get(key) ?? new Set<DialogueAct>();
    set.add(act);
    acts.set(key, set);
  };
  const at = (key: string) => story.keys.get(key)?.at ?? 0;
  const labels = story.labels;
  for (const decision of labels.decisions) {
    const [first, ...rest] = decision.evidence;
    add(first, 'decision');
    for (const key of rest) if (at(key) < at(first)) add(key, 'proposal');
  }
  for (const item of labels.action_items) {
    for (const key of item.evidence)
      add(key, story.keys.get(key)?.author === item.assignee ? 'commitment' : 'request');
    if (item.completed_by) add(item.completed_by, 'completion');
  }
  for (const question of labels.questions) add(question.evidence, 'question');
  // works_on ("I'm on the dunning emails this sprint") reads as a status update; it is no act of ours.
  for (const fact of labels.facts)
    if (fact.relation !== 'works_on') for (const key of fact.evidence) add(key, 'ownership');
  for (const question of labels.questions)
    if (question.answered_by && !acts.has(question.answered_by)) acts.set(question.answered_by, null);
  return acts;
}
