import { describe, expect, it } from 'vitest';
import {
  EVENT,
  EVENT_SCHEMAS,
  hasType,
  makeEvent,
  parseEvent,
  parsePayload,
  type StoredEvent,
} from './events.js';

const stored = (type: string, payload: unknown): StoredEvent => ({
  ...makeEvent({ id: 'e1', type, stream: 's', occurredAt: '2026-11-10T09:00:00.000Z', payload }),
  seq: 1,
  recordedAt: '2026-11-10T09:00:01.000Z',
});
const entity = {
  entityId: 'component:billing',
  kind: 'component',
  name: 'billing',
  aliases: ['billing svc'],
  confidence: 0.9,
};

describe('the event catalogue', () => {
  it('names a payload schema for every event type', () => {
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual(Object.values(EVENT).sort());
  });

  it('types an event whose payload validates, and returns the event itself', () => {
    const event = stored(EVENT.entityNamed, entity);
    const typed = parseEvent(event);
    expect(typed).toBe(event);
    if (typed?.type !== EVENT.entityNamed) throw new Error('expected entity.named');
    expect(typed.payload.aliases).toEqual(['billing svc']);
  });

  it('leaves out an invalid payload, an uncatalogued type and a type not asked for', () => {
    expect(parseEvent(stored(EVENT.entityNamed, { entityId: 'x' }))).toBeUndefined();
    expect(parseEvent(stored('thing.happened', entity))).toBeUndefined();
    expect(parseEvent(stored(EVENT.entityNamed, entity), [EVENT.factAsserted])).toBeUndefined();
    expect(parsePayload(EVENT.entityNamed, { ...entity, confidence: 2 })).toBeUndefined();
  });

  it('keeps payload keys as they were stored (no copy, no reordering)', () => {
    const payload = {
      confidence: 0.9,
      aliases: [],
      name: 'billing',
      kind: 'component',
      entityId: 'component:billing',
    };
    expect(Object.keys(parsePayload(EVENT.entityNamed, payload) ?? {})).toEqual(Object.keys(payload));
  });

  it('narrows typed events to some of their types', () => {
    const typed = parseEvent(stored(EVENT.entityNamed, entity), [EVENT.entityNamed, EVENT.factRetracted]);
    expect(typed && hasType(typed, [EVENT.entityNamed])).toBe(true);
    expect(typed && hasType(typed, [EVENT.factRetracted])).toBe(false);
  });
});
