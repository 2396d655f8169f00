import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSlackExport, type GenerateOptions } from '../../../bench/slack-gen/generate.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { readSlackExport } from './test-support/slack-export-fixture.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
function tempDir(): string {
  const temp = makeTempDir('outro-slack-gen-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}
const generate = (out: string, options: Partial<GenerateOptions> = {}) =>
  generateSlackExport({ messages: 3000, out, channels: 6, users: 25, seed: 7, zip: false, ...options });

function digestOfFolder(root: string): string {
  const hash = createHash('sha256');
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }).filter((item) =>
    item.isFile(),
  )) {
    const full = join(entry.parentPath, entry.name);
    hash.update(full.slice(root.length)).update(readFileSync(full));
  }
  return hash.digest('hex');
}

describe('the generated benchmark export', () => {
  it('holds exactly the messages asked for, which the connector reads without a problem', async () => {
    const out = join(tempDir(), 'export');
    const summary = await generate(out);
    const result = await readSlackExport(out);
    expect(result.problems).toEqual([]);
    expect(summary.messages).toBe(3000);
    expect(result.posted).toHaveLength(3000);
    const replies = result.posted.filter(
      (message) => message.thread !== null && message.thread !== message.id,
    );
    expect(replies.length / 3000).toBeGreaterThan(0.2);
    expect(replies.length / 3000).toBeLessThan(0.4);
    const ids = new Set(result.posted.map((message) => `${message.channel}/${message.id}`));
    expect(ids.size).toBe(3000);
    for (const reply of replies) expect(ids.has(`${reply.channel}/${reply.thread}`)).toBe(true);
    const kinds = new Set(result.posted.map((message) => message.kind));
    expect([...kinds].sort()).toEqual(['bot', 'huddle', 'join', 'leave', 'message', 'system']);
    expect(result.posted.some((message) => message.editedAt !== null)).toBe(true);
    expect(result.posted.some((message) => message.files !== undefined)).toBe(true);
    expect(result.posted.some((message) => message.links !== undefined)).toBe(true);
    expect(result.reactions.length).toBeGreaterThan(0);
    expect(new Set(result.channels.map((channel) => channel.kind))).toEqual(
      new Set(['channel', 'private', 'dm', 'group_dm']),
    );
  });

  it('writes the same bytes for the same seed, and a zip that reads like the folder', async () => {
    const dir = tempDir();
    await generate(join(dir, 'a'));
    await generate(join(dir, 'b'));
    expect(digestOfFolder(join(dir, 'a'))).toBe(digestOfFolder(join(dir, 'b')));
    await generate(join(dir, 'c.zip'), { zip: true });
    const [folder, zip] = [await readSlackExport(join(dir, 'a')), await readSlackExport(join(dir, 'c.zip'))];
    expect(zip.events.map((event) => event.id)).toEqual(folder.events.map((event) => event.id));
  });
});
