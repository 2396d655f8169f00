import { describe, expect, it } from 'vitest';
import { findExportPrefix, readLayout, sniffSlackTree } from './slack-layout.js';

describe('sniffSlackTree', () => {
  it('recognises users.json or channels.json at the top', () => {
    expect(sniffSlackTree(['general/2024-01-01.json', 'users.json'])).toBe(true);
    expect(sniffSlackTree(['channels.json'])).toBe(true);
  });

  it('recognises an export wrapped in one top-level folder, ignoring macOS debris', () => {
    const paths = [
      'Acme Slack export/channels.json',
      'Acme Slack export/general/2024-01-01.json',
      '__MACOSX/Acme Slack export/._channels.json',
      '.DS_Store',
    ];
    expect(findExportPrefix(paths)).toBe('Acme Slack export/');
  });

  it('refuses listings that only mention users.json deeper down or in one of several folders', () => {
    expect(sniffSlackTree(['a/b/users.json'])).toBe(false);
    expect(sniffSlackTree(['a/users.json', 'b/users.json'])).toBe(false);
    expect(sniffSlackTree(['a/users.json', 'notes.txt'])).toBe(false);
    expect(sniffSlackTree(['photo.jpg', 'general/2024-01-01.json'])).toBe(false);
    expect(sniffSlackTree([])).toBe(false);
  });
});

describe('readLayout', () => {
  it('sorts a listing into metadata, conversation folders with dated day files, and the unexpected', () => {
    const layout = readLayout([
      'x/channels.json',
      'x/dms.json',
      'x/integration_logs.json',
      'x/canvases.json',
      'x/canvases/F1.json',
      'x/general/2024-01-02.json',
      'x/general/2024-01-01.json',
      'x/general/canvas_in_the_conversation.json',
      'x/general/notes.md',
      'x/D0123ABCD/2024-01-01.json',
      'x/README.txt',
      'x/.hidden',
    ]);
    expect(layout).toEqual({
      prefix: 'x/',
      metadata: { 'channels.json': 'x/channels.json', 'dms.json': 'x/dms.json' },
      conversations: [
        { folder: 'D0123ABCD', dayFiles: ['x/D0123ABCD/2024-01-01.json'] },
        { folder: 'general', dayFiles: ['x/general/2024-01-01.json', 'x/general/2024-01-02.json'] },
      ],
      unexpected: ['x/README.txt', 'x/general/notes.md'],
    });
  });

  it('gives nothing for a listing that is not an export', () => {
    expect(readLayout(['a.json'])).toBeUndefined();
  });
});
