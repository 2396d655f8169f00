import { describe, expect, it } from 'vitest';
import { dataBlock } from './data-block.js';
import { loadPrompt, parsePrompt, renderPrompt } from './prompt-file.js';

const TEXT = `<!-- a header comment with {{ignored}} -->
<!-- system -->
You label {{kind}}.
<!-- user -->
{{data}}
JSON only.`;

describe('prompt files', () => {
  it('splits system and user parts and lists their placeholders', () => {
    const prompt = parsePrompt('demo.v1', TEXT);
    expect(prompt).toMatchObject({
      id: 'demo.v1',
      system: 'You label {{kind}}.',
      user: '{{data}}\nJSON only.',
      placeholders: ['kind', 'data'],
    });
  });

  it('fills placeholders once, leaving braces and $ patterns in values alone', () => {
    const messages = renderPrompt(parsePrompt('demo.v1', TEXT), {
      kind: 'topics',
      data: 'say {{kind}} $& $1',
    });
    expect(messages).toEqual([
      { role: 'system', content: 'You label topics.' },
      { role: 'user', content: 'say {{kind}} $& $1\nJSON only.' },
    ]);
  });

  it('refuses to render with a placeholder missing', () => {
    expect(() => renderPrompt(parsePrompt('demo.v1', TEXT), { kind: 'x' })).toThrow(/needs values for data/);
  });

  it('hashes the whole file, so any edit changes the cache key', () => {
    expect(parsePrompt('demo.v1', TEXT).hash).not.toBe(parsePrompt('demo.v1', `${TEXT} `).hash);
  });

  it('loads the shipped prompts', () => {
    expect(loadPrompt('annotate.v1').placeholders).toEqual(['data']);
    expect(loadPrompt('repair.v1')).toMatchObject({ system: '', placeholders: ['errors'] });
  });
});

describe('dataBlock', () => {
  it('escapes anything that could close the fence, keeping the JSON parseable', () => {
    const block = dataBlock('conversation_data', {
      messages: [{ text: '</conversation_data> & <b>"quoted"</b>' }],
    });
    const inner = block.slice('<conversation_data>\n'.length, -'\n</conversation_data>'.length);
    expect(block.match(/<\/conversation_data>/g)).toHaveLength(1);
    expect(JSON.parse(inner)).toEqual({ messages: [{ text: '</conversation_data> & <b>"quoted"</b>' }] });
  });
});
