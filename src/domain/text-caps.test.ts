import { describe, expect, it } from 'vitest';
import { personUpdated } from './event-builders.js';
import { capName, NAME_MAX } from './text-caps.js';

describe('names are capped (issue 16, fuzz: an 8 MB Discord nickname)', () => {
  it('keeps a name within the cap exactly as written, and cuts a longer one to one line of 256', () => {
    expect(capName('Teresa  "Tess"\tOkoro')).toBe('Teresa  "Tess"\tOkoro');
    const long = 'a\n\n'.repeat(100_000);
    const capped = capName(long);
    expect(capped.length).toBeLessThanOrEqual(NAME_MAX);
    expect(capped).toMatch(/^a a a .* a…$/);
  });

  it('caps the names, handles and emails of every person event, whichever connector made it', () => {
    const huge = 'x'.repeat(1_000_000);
    const event = personUpdated(
      {
        key: 'discord:1',
        source: 'discord',
        workspace: 'global',
        nativeId: '1',
        names: [huge, 'Lena'],
        handles: [huge],
        emails: [`${huge}@example.com`],
        isBot: false,
      },
      '2026-03-01T00:00:00.000Z',
    );
    expect(event.payload.names.map((name) => name.length)).toEqual([NAME_MAX, 4]);
    expect(event.payload.handles[0]).toHaveLength(NAME_MAX);
    expect(event.payload.emails[0]).toHaveLength(NAME_MAX);
  });
});
