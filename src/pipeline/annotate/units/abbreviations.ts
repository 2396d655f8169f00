/**
 * Words that end in a period without ending the sentence. `NEVER_ENDS` never closes a sentence
 * ("e.g. the…", "vs. last week", "Mr. Smith"); `MAY_END` closes one only before a capital letter
 * ("…logs, dumps etc. Then we…", "see you Fri. Bring snacks").
 */
export const NEVER_ENDS = new Set(
  (
    'e.g eg i.e ie vs v cf viz approx appx ca mr mrs ms dr prof st mt sgt capt col gen lt rev hon ' +
    'nr fig figs vol vols pp eds dept div ext incl excl misc w.r.t wrt attn tel ph ref refs'
  ).split(' '),
);

export const MAY_END = new Set(
  (
    'etc inc ltd co corp llc plc jr sr bros a.m p.m u.s u.k e.u al ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri'
  ).split(' '),
);
