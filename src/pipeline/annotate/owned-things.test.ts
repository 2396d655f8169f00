import { describe, expect, it } from 'vitest';
import { earlierOwnedThing, listedParts, sameOwnedThing } from './owned-things.js';

describe('sameOwnedThing', () => {
  it('reads plurals, an added component word and two compounds on one component word as one thing', () => {
    expect(sameOwnedThing('printer', 'printers')).toBe(true);
    expect(sameOwnedThing('invoices', 'invoices API')).toBe(true);
    expect(sameOwnedThing('billing API', 'payments API')).toBe(true);
  });

  it('reads a thing and what runs it ("search index" / "search indexer") as one thing', () => {
    expect(sameOwnedThing('search index', 'search indexer')).toBe(true);
    expect(sameOwnedThing('build scheduler', 'build schedule')).toBe(true);
    expect(sameOwnedThing('search index', 'billing indexer')).toBe(false);
  });

  it('keeps apart names that share only a modifier or nothing', () => {
    expect(sameOwnedThing('invoice', 'invoice retry schedule')).toBe(false);
    expect(sameOwnedThing('search', 'billing')).toBe(false);
    expect(sameOwnedThing('status', 'statu')).toBe(false);
  });
});

describe('earlierOwnedThing', () => {
  const forms = (id: string): string[] => [id.replace('component:', '').replace(/-/g, ' ')];
  const same = (a: string, b: string): boolean => a.replace(/^\w+:/, '') === b.replace(/^\w+:/, '');

  it('gives a restated thing the earlier name, for the same human under another key', () => {
    const earlier = [{ subject: 'slack:kim', object: 'component:invoices', message: 'm1' }];
    expect(
      earlierOwnedThing(
        { subject: 'teams:kim', object: 'component:invoices-api', message: 'm7' },
        earlier,
        forms,
        same,
      ),
    ).toBe('component:invoices');
  });

  it("merges two things one message gives one owner, but never another owner's thing", () => {
    const earlier = [
      { subject: 'slack:kim', object: 'component:contract', message: 'm1' },
      { subject: 'slack:ola', object: 'component:printers-api', message: 'm2' },
    ];
    expect(
      earlierOwnedThing(
        { subject: 'slack:kim', object: 'component:pricing', message: 'm1' },
        earlier,
        forms,
        same,
      ),
    ).toBe('component:contract');
    expect(
      earlierOwnedThing(
        { subject: 'slack:kim', object: 'component:printers', message: 'm3' },
        earlier,
        forms,
        same,
      ),
    ).toBeUndefined();
  });
});

describe('listedParts', () => {
  it('reads the parts listed after a thing and a colon as its other names', () => {
    expect(
      listedParts(
        'heads up: Kim owns the sync engine: queue worker, the retry job and the audit log, all of it. thanks',
        ['sync engine'],
      ),
    ).toEqual(['queue worker', 'retry job', 'audit log']);
  });

  it('finds nothing when no colon follows the name', () => {
    expect(listedParts('Kim owns the sync engine, and the retry job too', ['sync engine'])).toEqual([]);
  });
});
