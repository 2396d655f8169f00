import { describe, expect, it } from 'vitest';
import { oneEditApart } from './one-edit.js';

describe('oneEditApart', () => {
  it('holds for one letter added, dropped, changed, or two neighbours swapped', () => {
    expect(oneEditApart('pasword', 'password')).toBe(true);
    expect(oneEditApart('password', 'pasword')).toBe(true);
    expect(oneEditApart('passwerd', 'password')).toBe(true);
    expect(oneEditApart('passwrod', 'password')).toBe(true);
  });

  it('does not hold for the same word or two edits', () => {
    expect(oneEditApart('password', 'password')).toBe(false);
    expect(oneEditApart('pasword', 'passwords')).toBe(false);
    expect(oneEditApart('psaswrod', 'password')).toBe(false);
  });
});
