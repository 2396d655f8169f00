import { addDays, weekday } from '../../domain/time-zones.js';

/**
 * Open items are shown while at most this many working days late; older ones are only counted
 * (most are done without anyone saying so, and `outro items --open` lists them all).
 */
export const OVERDUE_WORKING_DAYS = 5;

/** The calendar date `count` working days (Monday–Friday) after `date`, or before it when negative. */
export function addWorkingDays(date: string, count: number): string {
  const step = count < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(count); left > 0;) {
    day = addDays(day, step);
    if (weekday(day) !== 0 && weekday(day) !== 6) left--;
  }
  return day;
}
