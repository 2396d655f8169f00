import { describe, expect, it } from 'vitest';
import { JsonSpanError, parseSpan, rootSpans } from './json-spans.js';

/** The document as JSON.parse reads it, rebuilt from the spans (throws where JSON.parse would). */
function viaSpans(text: string): unknown {
  const spans = rootSpans(text, 'messages');
  const out: Record<string, unknown> = {};
  for (const [key, span] of spans.values)
    out[key] =
      key === 'messages' && spans.elements
        ? spans.elements.map((element) => parseSpan(text, element))
        : parseSpan(text, span);
  return out;
}

const SAMPLE = `\uFEFF {
  "guild": {"id": "1", "name": "a \\"quoted\\" name, with } and ]"},
  "channel": {"id": "2", "topic": "back\\\\slash\\\\"},
  "messages": [
    {"id": "10", "content": "[not, an] {array}", "n": [1, 2, {"x": null}]},
    {"id": "11", "content": "", "ok": true, "f": -1.5e3},
    "a string element", 42, null, [], {}
  ],
  "messageCount": 7, "exportedAt": "2026-03-01T00:00:00Z", "empty": {}, "list": []
}
`;

describe('rootSpans', () => {
  it('reads the root keys and the elements of one array as JSON.parse does', () => {
    expect(viaSpans(SAMPLE)).toEqual(JSON.parse(SAMPLE.replace(/^\uFEFF/, '')));
    expect(rootSpans(SAMPLE, 'messages').elements).toHaveLength(7);
    expect(viaSpans('{}')).toEqual({});
    expect(viaSpans('{"messages": []}')).toEqual({ messages: [] });
    expect(rootSpans('{"messages": {"a": 1}}', 'messages').elements).toBeUndefined();
  });

  it('rejects every truncation of a valid document, and damage between values', () => {
    const text = SAMPLE.trimEnd();
    for (let length = 0; length < text.length; length++) {
      expect(() => viaSpans(text.slice(0, length)), `length ${length}`).toThrow();
    }
    for (const damaged of [
      '{"messages": [1,,2]}',
      '{"messages": [1 2]}',
      '{"messages": [1,]}',
      '{"a": 1 "b": 2}',
      '{"a" 1}',
      '{a: 1}',
      '{"a": 1}}',
      '{"a": 1} x',
      '{"a": [}',
      '{"messages": [{"a": 1]}',
      '{"a": tru}',
    ]) {
      expect(() => JSON.parse(damaged), damaged).toThrow();
      expect(() => viaSpans(damaged), damaged).toThrow();
    }
  });

  it('throws JsonSpanError with where the text went wrong', () => {
    expect(() => rootSpans('{"messages": [1 2]}', 'messages')).toThrow(JsonSpanError);
    expect(() => rootSpans('{"messages": [1 2]}', 'messages')).toThrow(/position 16/);
    expect(() => rootSpans('{"messages": [{"a": "b', 'messages')).toThrow(/unexpected end/);
  });
});
