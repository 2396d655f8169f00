import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isOutroError } from '../../../domain/errors.js';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { describeGraphStoreContract } from '../graph-store.contract.js';
import { emptyRecordLists } from '../graph-records.js';
import { person } from '../test-support/graph-builders.js';
import { graphFile } from './kuzu-database.js';
import { KuzuGraphStore } from './kuzu-graph-store.js';

/** Opens the database in a child process and holds it until stdin closes. */
const HOLD_SCRIPT = `
import kuzu from 'kuzu';
const db = new kuzu.Database(process.argv[1]);
await db.init();
process.stdout.write('ready\\n');
process.stdin.resume();
process.stdin.on('end', async () => { await db.close(); process.exit(0); });
`;

describeGraphStoreContract('kuzu', async () => {
  const temp = makeTempDir('outro-kuzu-');
  const store = await KuzuGraphStore.open(temp.dir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      temp.cleanup();
    },
  };
});

describeGraphStoreContract('kuzu, every batch by LOAD FROM', async () => {
  const temp = makeTempDir('outro-kuzu-');
  const store = await KuzuGraphStore.open(temp.dir, { loadMin: 1 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      temp.cleanup();
    },
  };
});

describe('KuzuGraphStore', () => {
  it('keeps what was written across a close and reopen', async () => {
    const temp = makeTempDir('outro-kuzu-');
    try {
      const first = await KuzuGraphStore.open(temp.dir);
      await first.write({ records: { person: [person('slack:T1:UALICE', 'Alice')] }, slots: [], cursor: 5 });
      await first.close();
      const second = await KuzuGraphStore.open(temp.dir);
      expect(await second.cursor()).toBe(5);
      expect((await second.get('person', ['slack:T1:UALICE'])).get('slack:T1:UALICE')?.name).toBe('Alice');
      await second.close();
    } finally {
      temp.cleanup();
    }
  });

  it('bulk-loads a quoted value that comes after many plain rows (COPY must not guess the quoting)', async () => {
    // Kùzu sniffs a CSV's quote and escape from its first rows: with none quoted it split the
    // 758th fact of a 200k-message ingest at the commas inside its quoted JSON.
    const temp = makeTempDir('outro-kuzu-');
    const store = await KuzuGraphStore.open(temp.dir);
    try {
      const people = Array.from({ length: 600 }, (_, i) => person(`slack:T1:U${i}`, `Person ${i}`));
      people.push(person('slack:T1:UQUOTED', 'Doe, Jane "JD" \\ o\'Neil'));
      await store.load({ records: { ...emptyRecordLists(), person: people }, facts: [], cursor: 3 });
      expect((await store.get('person', ['slack:T1:UQUOTED'])).get('slack:T1:UQUOTED')?.name).toBe(
        'Doe, Jane "JD" \\ o\'Neil',
      );
      expect((await store.counts()).people).toBe(601);
    } finally {
      await store.close();
      temp.cleanup();
    }
  });

  it('lets go of the records of a bulk load before copying them in', async () => {
    const temp = makeTempDir('outro-kuzu-');
    const store = await KuzuGraphStore.open(temp.dir);
    try {
      const records = emptyRecordLists();
      records.person.push(person('p1', 'Ana'), person('p2', 'Ben'));
      let heldAtCopy = -1;
      await store.load({
        records,
        facts: [],
        written: () => (heldAtCopy = Object.values(records).reduce((sum, list) => sum + list.length, 0)),
      });
      expect(heldAtCopy).toBe(0);
      expect((await store.counts()).people).toBe(2);
    } finally {
      await store.close();
      temp.cleanup();
    }
  });

  it('says the graph is locked while another process has it open', async () => {
    const temp = makeTempDir('outro-kuzu-');
    const first = await KuzuGraphStore.open(temp.dir);
    await first.close();
    const holder = spawn(process.execPath, ['--input-type=module', '-e', HOLD_SCRIPT, graphFile(temp.dir)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.once('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      const error = await KuzuGraphStore.open(temp.dir).then(
        async (store) => {
          await store.close();
          return undefined;
        },
        (caught: unknown) => caught,
      );
      expect(isOutroError(error, 'STORE_LOCKED')).toBe(true);
    } finally {
      holder.stdin.end();
      await new Promise((resolve) => holder.once('exit', resolve));
      temp.cleanup();
    }
  });
});

describe('KuzuGraphStore: a calendar series by COPY (issue 16)', () => {
  const meeting = (index: number, title = 'Tick', attendees = ['calendar:email:tom@example.com']) => {
    const start = new Date(Date.UTC(2026, 2, 1, 9) + index * 60_000).toISOString();
    return {
      id: `cal|tick|${start}`,
      version: 1,
      calendar: 'cal',
      uid: 'tick',
      occurrence: start,
      title,
      start,
      end: start,
      allDay: false,
      location: null,
      organizer: 'calendar:email:lena@example.com',
      attendees,
      recurring: true,
      status: null,
      cancelSeq: 0,
    };
  };

  it('appends many new meetings with their attendance edges, then rewrites them with their edges', async () => {
    const temp = makeTempDir('outro-kuzu-');
    const store = await KuzuGraphStore.open(temp.dir);
    try {
      await store.reset();
      await store.write({
        records: { person: [person('calendar:email:tom@example.com', 'Tom')] },
        slots: [],
      });
      const series = Array.from({ length: 300 }, (_, index) => meeting(index));
      await store.write({ records: { meeting: series }, slots: [], cursor: 300 });
      expect((await store.counts()).meetings).toBe(300);
      expect(
        await store.meetings({ people: ['calendar:email:tom@example.com'], role: 'attendee' }),
      ).toHaveLength(300);
      expect(
        await store.meetings({ people: ['calendar:email:lena@example.com'], role: 'organizer' }),
      ).toHaveLength(300);
      // The same series again, retitled, with 50 more, Dana instead of Tom in the first 100:
      // the old ones replaced with their edges, the new ones appended.
      const again = Array.from({ length: 350 }, (_, index) =>
        meeting(index, 'Tock', [
          index < 100 ? 'calendar:email:dana@example.com' : 'calendar:email:tom@example.com',
        ]),
      );
      await store.write({ records: { meeting: again }, slots: [], cursor: 650 });
      const all = await store.meetings({ people: ['calendar:email:tom@example.com'] });
      expect(all).toHaveLength(250);
      expect(new Set(all.map((found) => found.title))).toEqual(new Set(['Tock']));
      expect(await store.meetings({ people: ['calendar:email:dana@example.com'] })).toEqual(
        again.slice(0, 100),
      );
      expect(await store.meetings({ people: ['calendar:email:lena@example.com'] })).toHaveLength(350);
      expect((await store.counts()).meetings).toBe(350);
      // Looked up by key (each id through the key index): repeated and absent ids are fine.
      const asked = [...again, ...again.slice(0, 10), meeting(400)].map((found) => found.id);
      const got = await store.get('meeting', asked);
      expect([...got.keys()].sort()).toEqual(again.map((found) => found.id).sort());
      expect(got.get(again[0].id)).toEqual(again[0]);
      expect(await store.cursor()).toBe(650);
      expect(
        (await store.get('person', ['calendar:email:tom@example.com'])).get('calendar:email:tom@example.com')
          ?.name,
      ).toBe('Tom');
    } finally {
      await store.close();
      temp.cleanup();
    }
  });
});
