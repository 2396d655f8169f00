import { describe, expect, it } from 'vitest';
import { ianaZoneOf } from './ics-zones.js';

describe('ianaZoneOf', () => {
  it('takes IANA names, Windows names and vendor-prefixed paths', () => {
    expect(ianaZoneOf('Europe/Berlin')).toBe('Europe/Berlin');
    expect(ianaZoneOf('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaZoneOf('Eastern Standard Time')).toBe('America/New_York');
    expect(ianaZoneOf('/mozilla.org/20050126_1/America/Argentina/Buenos_Aires')).toBe(
      'America/Argentina/Buenos_Aires',
    );
    expect(ianaZoneOf('/citadel.org/20190914_1/Europe/Paris')).toBe('Europe/Paris');
    expect(ianaZoneOf('Customized Time Zone')).toBeUndefined();
    expect(ianaZoneOf(undefined)).toBeUndefined();
  });
});
