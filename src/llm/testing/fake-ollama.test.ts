import { Ollama } from 'ollama';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationDraft } from '../../pipeline/annotate/model/annotation-draft.js';
import { replySchemaOf } from '../json-schema.js';
import { FakeOllama } from './fake-ollama.js';

let fake: FakeOllama;
beforeEach(async () => {
  fake = await FakeOllama.start();
});
afterEach(async () => {
  await fake.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${fake.url}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });
const lines = async (response: Response) =>
  (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, any>);

describe('FakeOllama', () => {
  it('answers the liveness probe, version and tags like Ollama', async () => {
    expect(await (await fetch(`${fake.url}/`)).text()).toBe('Ollama is running');
    expect(await (await fetch(`${fake.url}/api/version`)).json()).toEqual({ version: '0.6.8' });
    const tags = (await (await fetch(`${fake.url}/api/tags`)).json()) as {
      models: Array<Record<string, any>>;
    };
    expect(tags.models[0]).toMatchObject({
      name: 'llama3.2:3b',
      model: 'llama3.2:3b',
      size: expect.any(Number),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      details: { family: 'llama', format: 'gguf' },
    });
  });

  it('streams /api/chat as NDJSON by default, ending with a done chunk that carries the counts', async () => {
    fake.enqueue({ content: '{"topic":"billing"}' });
    const response = await post('/api/chat', {
      model: 'llama3.2:3b',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const chunks = await lines(response);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((chunk) => chunk.message.content).join('')).toBe('{"topic":"billing"}');
    expect(chunks.at(-1)).toMatchObject({
      done: true,
      done_reason: 'stop',
      total_duration: expect.any(Number),
      prompt_eval_count: expect.any(Number),
      eval_count: expect.any(Number),
    });
    expect(chunks.slice(0, -1).every((chunk) => chunk.done === false)).toBe(true);
  });

  it('answers stream:false with one object, for /api/generate too', async () => {
    fake.enqueue({ content: 'plain' });
    const body = (await (
      await post('/api/generate', { model: 'llama3.2:3b', prompt: 'hi', stream: false })
    ).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ model: 'llama3.2:3b', response: 'plain', done: true, done_reason: 'stop' });
  });

  it('answers an unknown model with 404 and the pull hint, and a missing model with 400', async () => {
    const missing = await post('/api/chat', { model: 'ghost', messages: [] });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'model "ghost" not found, try pulling it first' });
    const noModel = await post('/api/chat', { messages: [] });
    expect(noModel.status).toBe(400);
    expect(await noModel.json()).toEqual({ error: 'model is required' });
  });

  it('serves scripted error statuses with an error body', async () => {
    fake.enqueue({ status: 429, error: 'too busy' }, { status: 500, error: 'runner crashed' });
    const first = await post('/api/chat', { model: 'llama3.2:3b', messages: [] });
    const second = await post('/api/chat', { model: 'llama3.2:3b', messages: [] });
    expect([first.status, await first.json()]).toEqual([429, { error: 'too busy' }]);
    expect([second.status, await second.json()]).toEqual([500, { error: 'runner crashed' }]);
  });

  it('writes an error line after a 200 when told to fail mid-stream', async () => {
    fake.enqueue({ content: 'abcdefghi', midStreamError: 'model runner stopped' });
    const response = await post('/api/chat', { model: 'llama3.2:3b', messages: [] });
    expect(response.status).toBe(200);
    expect((await lines(response)).at(-1)).toEqual({ error: 'model runner stopped' });
  });

  it('rejects a schema format on a server older than 0.5', async () => {
    fake.version = '0.4.7';
    fake.enqueue({ content: '{}' });
    const response = await post('/api/chat', {
      model: 'llama3.2:3b',
      messages: [],
      format: { type: 'object' },
    });
    expect(response.status).toBe(400);
  });

  it('embeds with embedding models and refuses them for chat', async () => {
    const body = (await (
      await post('/api/embed', { model: 'nomic-embed-text', input: ['a', 'b'] })
    ).json()) as { embeddings: number[][] };
    expect(body.embeddings.map((vector) => vector.length)).toEqual([16, 16]);
    expect((await post('/api/chat', { model: 'nomic-embed-text', messages: [] })).status).toBe(400);
    expect((await post('/api/embed', { model: 'llama3.2:3b', input: 'a' })).status).toBe(400);
  });

  it('records every request with its body', async () => {
    await fetch(`${fake.url}/api/version`);
    await post('/api/show', { model: 'llama3.2:3b' });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/version',
      'POST /api/show',
    ]);
    expect(fake.requests[1].body).toEqual({ model: 'llama3.2:3b' });
  });

  it('in hallucination mode answers any schema with a valid instance of names from nowhere', async () => {
    fake.hallucinate();
    const { jsonSchema } = replySchemaOf(AnnotationDraft);
    const reply = (await (
      await post('/api/chat', { model: 'llama3.2:3b', messages: [], format: jsonSchema, stream: false })
    ).json()) as { message: { content: string } };
    const draft = AnnotationDraft.parse(JSON.parse(reply.message.content));
    expect(draft.decisions.length).toBeGreaterThan(0);
    expect(draft.decisions[0].evidence[0]).not.toMatch(/^m\d+$/);
    const nullable = replySchemaOf(z.object({ who: z.string().nullable(), n: z.number().int().min(3) }));
    const other = (await (
      await post('/api/chat', {
        model: 'llama3.2:3b',
        messages: [],
        format: nullable.jsonSchema,
        stream: false,
      })
    ).json()) as { message: { content: string } };
    expect(JSON.parse(other.message.content)).toEqual({ who: expect.any(String), n: 3 });
  });

  it('works with the npm ollama client', async () => {
    fake.enqueue({ content: 'hello there' });
    const client = new Ollama({ host: fake.url });
    expect((await client.list()).models.map((model) => model.name)).toContain('llama3.2:3b');
    const reply = await client.chat({
      model: 'llama3.2:3b',
      messages: [{ role: 'user', content: 'hi' }],
      stream: false,
    });
    expect(reply.message.content).toBe('hello there');
  });
});
