import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceMessageId } from './fixture-truth.js';
import { goldBriefs, loadWorkspaceTruth, readerOf } from './workspace-truth.js';

describe('fixture truth read as a workspace truth', () => {
  it('names messages by their last part outside Slack', () => {
    expect(workspaceMessageId('slack:C1:1794214817.013715')).toBe('slack:C1:1794214817.013715');
    expect(workspaceMessageId('discord:1093817265033474109:1572991259822448021')).toBe(
      'discord:1572991259822448021',
    );
    expect(workspaceMessageId('teams:19:7f3c@thread.tacv2:1794212445199')).toBe('teams:1794212445199');
  });

  it('loads fixtures/workspace with its reader, questions to the reader, ownership and gold brief', () => {
    const truth = loadWorkspaceTruth(join(process.cwd(), 'fixtures', 'workspace', 'truth.json'));
    expect(truth.me).toBe('dana');
    expect(readerOf(truth).slack?.user_id).toMatch(/^U/);
    expect(truth.period[1]).toBe('2026-11-20');
    expect(truth.decisions).toHaveLength(11);
    expect(truth.action_items.filter((item) => item.status === 'done').length).toBeGreaterThan(0);
    expect(truth.questions_for_me.length).toBeGreaterThan(0);
    expect(truth.questions_for_me.every((question) => !question.message_id.startsWith('teams:19:'))).toBe(
      true,
    );
    expect(truth.ownership.every((fact) => fact.evidence_message_ids.length > 0)).toBe(true);
    const [brief] = goldBriefs(truth);
    expect(brief.date).toBe('2026-11-20');
    expect(brief.needsMe).toHaveLength(7);
    expect(truth.ask.find((row) => row.q === 'who owns billing')?.must_not_say).toEqual(['Priya']);
  });
});
