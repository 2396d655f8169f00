import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messagePosted } from '../domain/event-builders.js';
import type { MessagePosted } from '../domain/message.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { EventLog } from './event-log.js';
import { IngestStore } from './ingest-store.js';
import { MIGRATIONS } from './migrations/index.js';
import { introductionCandidates } from './people-queries.js';
import { openDatabase, type SqliteDatabase } from './sqlite.js';

/** What introductionCandidates answered before the candidates were kept aside: a scan of every message. */
function scanEveryMessage(db: SqliteDatabase): Array<{ author: string; text: string }> {
  const head = `lower(substr(json_extract(payload, '$.text'), 1, 200))`;
  const cues = [' here', "it's ", 'its ', 'this is ', "i'm ", 'i’m ', 'im ', 'i am ', 'my name is '];
  return db
    .prepare(
      `SELECT json_extract(payload, '$.author') AS author, json_extract(payload, '$.text') AS text FROM events
        WHERE type = 'message.posted' AND json_extract(payload, '$.kind') = 'message'
          AND (${cues.map(() => `${head} LIKE ?`).join(' OR ')}) ORDER BY seq`,
    )
    .all(...cues.map((cue) => `%${cue}%`)) as Array<{ author: string; text: string }>;
}

/** Texts around the filter's edges: cues in any case, near the 200th character, after astral emoji and non-ASCII letters. */
function texts(): string[] {
  const out = [
    'Lou here',
    "I'M Leila from Brightwater",
    'hi, this is Sam',
    'nothing to see',
    'HERE we go',
    'im on it',
  ];
  let seed = 7;
  const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const pieces = ['a', ' ', '😀', 'İ', 'K', 'É', 'x', "I'm ", ' here', 'its ', 'My Name Is ', '’'];
  for (let k = 0; k < 400; k++) {
    const pad = random(260);
    let text = '';
    for (let i = 0; i < pad; i++) text += pieces[random(7)];
    out.push(text + pieces[7 + random(5)] + 'Dana');
  }
  return out;
}

describe('introduction candidates kept aside as messages are stored', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: SqliteDatabase;
  beforeEach(() => {
    temp = makeTempDir('outro-introductions-');
    db = openDatabase(`${temp.dir}/outro.db`, { migrations: MIGRATIONS });
  });
  afterEach(() => {
    db.close();
    temp.cleanup();
  });

  const message = (id: string, text: string, kind: MessagePosted['kind'] = 'message') =>
    messagePosted({
      source: 'discord',
      workspace: 'global',
      channel: 'c1',
      id,
      thread: null,
      replyTo: null,
      author: `discord:global:${id}`,
      text,
      kind,
      mentions: [],
      editedAt: null,
      ts: '2026-03-01T12:00:00.000Z',
    });

  it('answers what a scan of every message answered, through the log and through the ingest store', () => {
    const log = new EventLog(db);
    const ingest = new IngestStore(db, log);
    texts().forEach((text, k) => {
      if (k % 2 === 0) log.append(message(`m${k}`, text));
      else ingest.writeBatch([message(`m${k}`, text)]);
    });
    log.append(message('bot', 'Lou here', 'bot'));
    const expected = scanEveryMessage(db);
    expect(expected.length).toBeGreaterThan(50);
    expect(introductionCandidates(db).map(({ author, text }) => ({ author, text }))).toEqual(expected);
  });

  it('copies what a store held before into the table when it migrates', () => {
    db.close();
    const file = `${temp.dir}/old.db`;
    const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 12) });
    old.exec('DROP TABLE IF EXISTS introduction_candidates');
    texts().forEach((text, k) =>
      old
        .prepare(
          `INSERT INTO events (id, type, stream, occurred_at, recorded_at, causation_id, schema_version, payload) VALUES (?, 'message.posted', 'c1', 't', 't', NULL, 1, ?)`,
        )
        .run(`e${k}`, JSON.stringify(message(`m${k}`, text).payload)),
    );
    old.close();
    db = openDatabase(file, { migrations: MIGRATIONS });
    expect(introductionCandidates(db).map(({ author, text }) => ({ author, text }))).toEqual(
      scanEveryMessage(db),
    );
    expect(introductionCandidates(db).length).toBeGreaterThan(50);
  });
});
