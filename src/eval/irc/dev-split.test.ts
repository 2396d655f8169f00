import { describe, expect, it } from 'vitest';
import { disentangle } from '../../pipeline/disentangle/disentangle.js';
import { corpusAvailable, defaultCorpusDir, loadSplit } from './corpus.js';
import { evaluateFiles, scoredLinks } from './evaluate.js';

const available = corpusAvailable(defaultCorpusDir());
if (!available)
  console.warn(`skipping the IRC dev-split regression test: no corpus at ${defaultCorpusDir()}`);

/** Floors a few points under the shipped model's dev scores (docs/readme/conversations.md): a regression guard, not a target. */
const FLOORS = { linkF: 0.72, vi: 0.93, oneToOne: 0.83, conversationF: 0.44 };

describe.skipIf(!available)('the shipped disentangler on the IRC dev split', () => {
  it('keeps its link, VI, one-to-one and conversation scores above the floors', () => {
    const files = loadSplit('dev');
    const scores = evaluateFiles(
      files.map((file) => ({ file, links: scoredLinks(file, disentangle(file.lines).parent) })),
    );
    expect(scores.messages).toBe(2500);
    expect(scores.link.f1).toBeGreaterThan(FLOORS.linkF);
    expect(scores.vi).toBeGreaterThan(FLOORS.vi);
    expect(scores.oneToOne).toBeGreaterThan(FLOORS.oneToOne);
    expect(scores.conversation.f1).toBeGreaterThan(FLOORS.conversationF);
  });
});
