/**
 * What every date chrono's English parsers read holds (their dictionaries and patterns, chrono
 * 2.10): a digit, a weekday or month name or abbreviation, a casual day or time word, a time unit,
 * or a one- or two-letter unit ("h", "mo") after a number word or "next". A sentence with none of
 * them is not handed to chrono, which costs ~0.3 ms a sentence and finds nothing in most.
 */
export const MAY_HOLD_DATE =
  /\d|sun|mon|tue|wed|thu|fri|sat|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|now|tod|tonight|morrow|tmr|night|morning|evening|noon|day|week|year|yr|quarter|qtr|hour|hr|min|sec|\b(?:an?|the|few|several|couple|of|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|this|last|past|next|after)\s*(?:s|m|h|d|w|y|mo|mos)\b|[+-]\s*(?:s|m|h|d|w|y|mo|mos)\b/i;
