// Benchmark: `npx tsx bench/brief.ts`. A 10k-message day: ~1,400 annotated conversations, 400 questions, 400 action items, 150 decisions, 80 facts, 40 meetings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBrief } from '../src/answers/brief/build-brief.js';
import { renderBriefText } from '../src/answers/brief/render-text.js';
import {
  actionItem,
  channel,
  conversation,
  decision,
  ev,
  fact,
  meeting,
  person,
  question,
} from '../src/answers/brief/test-support/brief-builders.js';
import { openTestStore } from '../src/answers/brief/test-support/brief-builders.js';
const dir = mkdtempSync(path.join(tmpdir(), 'bench-brief-'));
const store = openTestStore(path.join(dir, 'o.db'));
const people = Array.from({ length: 60 }, (_, i) => `slack:T1:U${i}`);
const channels = Array.from({ length: 30 }, (_, i) => `slack:T1:C${i}`);
const events: any[] = [
  ...people.map((key, i) =>
    person('slack', 'T1', `U${i}`, [`Person ${String.fromCharCode(65 + (i % 26))}${i}`], {
      handles: [`p${i}`],
    }),
  ),
  ...channels.map((key, i) => channel('slack', 'T1', `C${i}`, `chan-${i}`)),
];
const day = Date.parse('2026-11-19T08:30:00Z');
const at = (i: number, n: number) => new Date(day + Math.floor((i / n) * 86_000_000)).toISOString();
const pick = <T>(list: T[], i: number) => list[i % list.length];
const topics = Array.from({ length: 200 }, (_, i) => `topic ${i} about component-${i % 40}`);
for (let i = 0; i < 1400; i++)
  events.push(
    conversation({
      conversationId: `c${i}`,
      channel: pick(channels, i),
      topic: pick(topics, i * 7),
      summary: `Person ${i} asked about component-${i % 40}. They agreed to ship on Friday after review ${i}.`,
      participants: [pick(people, i), pick(people, i + 3), pick(people, i + 11)],
      mentioned: [pick(people, i + 5)],
      entities: [`component:${i % 40}`],
      noise: i % 9 === 0,
      start: at(i, 1400),
      end: at(i + 1, 1400),
      messageCount: 7,
    }),
  );
for (let i = 0; i < 400; i++)
  events.push(
    question({
      questionId: `q${i}`,
      conversationId: `c${i * 3}`,
      channel: pick(channels, i * 3),
      text: `Question ${i}?`,
      asker: pick(people, i + 1),
      addressees: [pick(people, i)],
      kind: i % 5 === 0 ? 'approval' : 'question',
      at: at(i, 400),
      evidence: [ev(pick(channels, i * 3), `m${i}`, pick(people, i + 1), at(i, 400), `question ${i}`)],
    }),
  );
for (let i = 0; i < 400; i++)
  events.push(
    actionItem({
      itemId: `a${i}`,
      conversationId: `c${i * 3 + 1}`,
      channel: pick(channels, i),
      summary: `Do thing ${i}`,
      assignee: pick(people, i),
      requestedBy: pick(people, i + 2),
      due: i % 3 === 0 ? '2026-11-19' : '2026-11-25',
      at: at(i, 400),
      evidence: [ev(pick(channels, i), `n${i}`, pick(people, i + 2), at(i, 400), `do ${i}`)],
    }),
  );
for (let i = 0; i < 150; i++)
  events.push(
    decision({
      decisionId: `d${i}`,
      conversationId: `c${i * 9}`,
      channel: pick(channels, i),
      summary: `Decision ${i}`,
      decidedBy: [pick(people, i)],
      reverses: i % 10 === 9 ? `d${i - 1}` : null,
      at: at(i, 150),
      evidence: [ev(pick(channels, i), `o${i}`, pick(people, i), at(i, 150), `decide ${i}`)],
    }),
  );
for (let i = 0; i < 80; i++)
  events.push(
    fact({
      factId: `f${i}`,
      subject: pick(people, i),
      relation: 'owns',
      object: `component:${i % 40}`,
      validFrom: at(i, 80),
      conversationId: `c${i}`,
      evidence: [ev(pick(channels, i), `p${i}`, pick(people, i), at(i, 80), `owns ${i}`)],
    }),
  );
for (let i = 0; i < 40; i++)
  events.push(
    meeting({
      uid: `m${i}`,
      start: new Date(Date.parse('2026-11-20T06:00:00Z') + i * 900_000).toISOString(),
      end: new Date(Date.parse('2026-11-20T06:30:00Z') + i * 900_000).toISOString(),
      summary: `component-${i} sync`,
      attendees: [],
    }),
  );
store.log.appendAll(events);
const runs: number[] = [];
let brief;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  brief = buildBrief(store, { me: 'p0', now: new Date('2026-11-20T08:30:00Z'), timezone: 'Europe/Berlin' });
  renderBriefText(brief);
  runs.push(performance.now() - t0);
}
console.log('events', events.length, 'counts', JSON.stringify(brief!.counts));
console.log('buildBrief+render ms (5 runs):', runs.map((ms) => ms.toFixed(0)).join(', '));
store.close();
rmSync(dir, { recursive: true, force: true });
