import { describe, expect, it } from 'vitest';
import type { EntityNamed, FactAsserted } from '../../domain/annotations.js';
import { collapseOwnedAliases } from './owned-aliases.js';

function owns(factId: string, subject: string, object: string, at: string, message = factId): FactAsserted {
  return {
    factId,
    subject,
    relation: 'owns',
    object,
    validFrom: at,
    confidence: 0.8,
    hedged: false,
    conversationId: `c-${factId}`,
    evidence: [
      { source: 'slack', workspace: 'T1', channel: 'C1', id: message, author: subject, ts: at, snippet: '' },
    ],
    provenance: { stage: 'annotate', version: '1', strategy: 'heuristic' },
  };
}

const entity = (entityId: string, name: string, aliases: string[] = []): [string, EntityNamed] => [
  entityId,
  { entityId, kind: 'component', name, aliases, confidence: 0.8 },
];

describe('collapseOwnedAliases', () => {
  const entities = new Map([
    entity('component:invoices', 'invoices'),
    entity('component:invoices-api', 'invoices api', ['the invoices API']),
    entity('component:printers', 'printers'),
  ]);
  const human = (key: string): string => key.replace(/^\w+:/, '');

  it('gives a later restatement by the same human under another source key the earlier object', () => {
    const facts = [
      owns('f2', 'teams:kim', 'component:invoices-api', '2026-03-02T10:00:00Z'),
      owns('f1', 'slack:kim', 'component:invoices', '2026-03-01T10:00:00Z'),
    ];
    expect(collapseOwnedAliases(facts, entities, human).map((fact) => fact.object)).toEqual([
      'component:invoices',
      'component:invoices',
    ]);
  });

  it('reads a catch-all said in another conversation as the one thing its owner holds, not as a second', () => {
    const scope = (fact: FactAsserted): FactAsserted => ({ ...fact, scope: true });
    const facts = [
      scope(owns('f2', 'teams:kim', 'component:hardware', '2026-03-02T10:00:00Z')),
      owns('f1', 'slack:kim', 'component:printers', '2026-03-01T10:00:00Z'),
    ];
    expect(collapseOwnedAliases(facts, entities, human).map((fact) => fact.object)).toEqual([
      'component:printers',
      'component:printers',
    ]);
    // Holding two things, or said first, it stays a scope of its own.
    const two = [...facts, owns('f3', 'slack:kim', 'component:invoices', '2026-03-01T11:00:00Z')];
    expect(collapseOwnedAliases(two, entities, human)[0].object).toBe('component:hardware');
    const first = [facts[0], owns('f1', 'slack:kim', 'component:printers', '2026-03-03T10:00:00Z')];
    expect(collapseOwnedAliases(first, entities, human)[0].object).toBe('component:hardware');
    // A claim a correction took back is not a second thing held.
    expect(collapseOwnedAliases(two, entities, human, new Set(['f3']))[0].object).toBe('component:printers');
  });

  it('leaves another owner of a like-named thing, and other things, as they are', () => {
    const facts = [
      owns('f1', 'slack:kim', 'component:invoices', '2026-03-01T10:00:00Z'),
      owns('f2', 'slack:ola', 'component:invoices-api', '2026-03-02T10:00:00Z'),
      owns('f3', 'slack:kim', 'component:printers', '2026-03-03T10:00:00Z'),
    ];
    expect(collapseOwnedAliases(facts, entities, human).map((fact) => fact.object)).toEqual([
      'component:invoices',
      'component:invoices-api',
      'component:printers',
    ]);
  });

  it('keeps a holding that ends apart from a new one the same message gives the same person', () => {
    const facts = [
      owns('f1', 'slack:kim', 'component:invoices', '2026-03-01T10:00:00Z', 'm1'),
      {
        ...owns('f2', 'slack:kim', 'component:printers', '2026-03-01T10:00:00Z', 'm1'),
        validTo: '2026-03-05T00:00:00Z',
      },
    ];
    expect(collapseOwnedAliases(facts, entities, human).map((fact) => fact.object)).toEqual([
      'component:invoices',
      'component:printers',
    ]);
  });
});
