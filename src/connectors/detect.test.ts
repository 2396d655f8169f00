import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../test-support/temp-dir.js';
import type { Connector } from './connector.js';
import { discoverInputs, type Discovery } from './detect.js';
import { writeZip } from './test-support/make-zip.js';

const fileFormat: Connector = {
  format: 'ics',
  sniffFile: (head) => head.startsWith('BEGIN:VCALENDAR'),
  read: async function* () {},
};
const treeFormat: Connector = {
  format: 'slack-export',
  sniffTree: (paths) => paths.includes('users.json'),
  read: async function* () {},
};

async function collect(paths: string[]): Promise<Discovery[]> {
  const found: Discovery[] = [];
  for await (const item of discoverInputs(paths, [treeFormat, fileFormat])) {
    found.push(item);
    if (item.kind === 'input' && item.input.container === 'tree') await item.input.tree.close();
  }
  return found;
}

const summarize = (found: Discovery[]) =>
  found.map((item) =>
    item.kind === 'input'
      ? `${item.input.format} ${item.input.path.split('/').slice(-1)[0]}`
      : `problem ${item.problem.path.split('/').slice(-1)[0]}`,
  );

describe('discoverInputs', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const temp = () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    return t.dir;
  };

  it('recognises formats by content, not by name', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'calendar.json'), 'BEGIN:VCALENDAR\nEND:VCALENDAR\n');
    writeFileSync(join(dir, 'notes.ics'), 'just some notes');
    expect(summarize(await collect([join(dir, 'calendar.json'), join(dir, 'notes.ics')]))).toEqual([
      'ics calendar.json',
      'problem notes.ics',
    ]);
  });

  it('claims a whole export folder, and walks folders nobody claims', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'exports', 'slack', 'general'), { recursive: true });
    writeFileSync(join(dir, 'exports', 'slack', 'users.json'), '[]');
    writeFileSync(join(dir, 'exports', 'cal.ics'), 'BEGIN:VCALENDAR\n');
    writeFileSync(join(dir, 'exports', '.DS_Store'), 'junk');
    expect(summarize(await collect([join(dir, 'exports')]))).toEqual(['ics cal.ics', 'slack-export slack']);
  });

  it('opens zips and reports ones that hold no export', async () => {
    const dir = temp();
    await writeZip(join(dir, 'good.zip'), { 'users.json': '[]' });
    await writeZip(join(dir, 'other.zip'), { 'photo.jpg': 'x' });
    const found = await collect([join(dir, 'good.zip'), join(dir, 'other.zip')]);
    expect(summarize(found)).toEqual(['slack-export good.zip', 'problem other.zip']);
  });

  it('reports missing paths, empty files and non-UTF-8 files and goes on', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'empty.ics'), '');
    writeFileSync(
      join(dir, 'latin1.ics'),
      Buffer.concat([Buffer.from('BEGIN:VCALENDAR\nSUMMARY:caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    writeFileSync(join(dir, 'ok.ics'), 'BEGIN:VCALENDAR\n');
    const found = await collect([
      join(dir, 'missing'),
      join(dir, 'empty.ics'),
      join(dir, 'latin1.ics'),
      join(dir, 'ok.ics'),
    ]);
    expect(summarize(found)).toEqual([
      'problem missing',
      'problem empty.ics',
      'problem latin1.ics',
      'ics ok.ics',
    ]);
    const reasons = found.flatMap((item) => (item.kind === 'problem' ? [item.problem.reason] : []));
    expect(reasons[0]).toMatch(/does not exist/);
    expect(reasons[2]).toMatch(/UTF-8/);
  });
});

describe('files beside exports in a folder', () => {
  it('warns about notes and configs without making the run partial, but skips unknown JSON', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { discoverInputs } = await import('./detect.js');
    const { CONNECTORS } = await import('./registry.js');
    const dir = mkdtempSync(join(tmpdir(), 'outro-detect-beside-'));
    try {
      writeFileSync(join(dir, 'notes.yaml'), 'me: dana\n');
      writeFileSync(join(dir, 'stray.json'), '{"not": "an export"}');
      const problems = [];
      for await (const found of discoverInputs([dir], CONNECTORS))
        if (found.kind === 'problem') problems.push(found.problem);
      expect(problems.map((problem) => [problem.path.slice(dir.length + 1), problem.severity])).toEqual([
        ['notes.yaml', 'warning'],
        ['stray.json', 'skipped-file'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('symbolic links in a folder (issue 16)', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';

  it('never follows a link out of the folder given, nor round a loop, and reports each link once', async () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    const outside = join(t.dir, 'outside');
    const root = join(t.dir, 'p', 'l2');
    mkdirSync(outside, { recursive: true });
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(outside, 'secret.ics'), ics);
    writeFileSync(join(root, 'a.ics'), ics);
    writeFileSync(join(root, 'sub', 'b.ics'), ics);
    symlinkSync('..', join(root, 'up'));
    symlinkSync('.', join(root, 'self'));
    symlinkSync('..', join(root, 'sub', 'back'));
    symlinkSync(outside, join(root, 'out'));
    symlinkSync(join(root, 'sub', 'b.ics'), join(root, 'twin.ics'));
    symlinkSync(join(t.dir, 'nowhere'), join(root, 'broken'));

    const found = await collect([root]);
    const inputs = found.flatMap((item) => (item.kind === 'input' ? [item.input.path] : []));
    expect(inputs.map((path) => path.slice(root.length + 1)).sort()).toEqual(['a.ics', 'sub/b.ics']);
    const warnings = found.flatMap((item) => (item.kind === 'problem' ? [item.problem] : []));
    expect(warnings.every((problem) => problem.severity === 'warning')).toBe(true);
    const reasons = new Map(warnings.map((problem) => [problem.path.slice(root.length + 1), problem.reason]));
    expect([...reasons.keys()].sort()).toEqual(['broken', 'out', 'self', 'sub/back', 'up']);
    expect(warnings).toHaveLength(5);
    expect(reasons.get('up')).toContain('outside');
    expect(reasons.get('out')).toContain('outside');
    expect(reasons.get('self')).toContain('loop');
    expect(reasons.get('sub/back')).toContain('loop');
    expect(reasons.get('broken')).toContain('broken');
  });

  it('follows a link that stays inside the folder, reading its target once', async () => {
    const t = makeTempDir();
    cleanup = t.cleanup;
    mkdirSync(join(t.dir, 'root', 'real'), { recursive: true });
    writeFileSync(join(t.dir, 'root', 'real', 'c.ics'), ics);
    symlinkSync(join(t.dir, 'root', 'real'), join(t.dir, 'root', 'alias'));
    const found = await collect([join(t.dir, 'root')]);
    expect(summarize(found)).toEqual(['ics c.ics']);
  });
});
