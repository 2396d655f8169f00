import type { Migration } from '../sqlite.js';

/**
 * The bus's durable subscriptions over the event log (src/memory/bus): one cursor per consumer
 * group, per-event retry state, dead letters; plus the channel-counts read model of the
 * projector agent that proves the agent loop (src/agents/channel-counts/channel-counts-agent.ts).
 */
export const busMigration: Migration = {
  version: 5,
  name: 'bus cursors and dead letters',
  up(db) {
    db.exec(`
      CREATE TABLE bus_cursors (
        consumer TEXT PRIMARY KEY,
        -- the seq of the last event handled (0: none)
        position INTEGER NOT NULL,
        -- bumped by replay, so work keyed by position is not mistaken for earlier work
        generation INTEGER NOT NULL DEFAULT 0,
        -- while position < isolate_through, events are delivered one at a time (a batch failed)
        isolate_through INTEGER NOT NULL DEFAULT 0,
        -- the event types the group consumes (JSON array), as last subscribed; for status
        types TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL
      );

      CREATE TABLE bus_attempts (
        consumer TEXT NOT NULL,
        event_seq INTEGER NOT NULL,
        attempts INTEGER NOT NULL,
        not_before INTEGER NOT NULL,
        last_error TEXT,
        PRIMARY KEY (consumer, event_seq)
      );

      CREATE TABLE bus_dead_letters (
        id INTEGER PRIMARY KEY,
        consumer TEXT NOT NULL,
        event_seq INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        event_type TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        error TEXT NOT NULL,
        -- dead | retrying | resolved
        status TEXT NOT NULL,
        dead_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX bus_dead_letters_by_status ON bus_dead_letters(status, consumer);

      CREATE TABLE read_channel_counts (
        stream TEXT PRIMARY KEY,
        messages INTEGER NOT NULL,
        last_seq INTEGER NOT NULL
      );
    `);
  },
};
