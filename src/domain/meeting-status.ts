/**
 * The cancellation rule, for every reader of meetings (graph, brief): an occurrence is off when a
 * meeting.cancelled came after its latest meeting.scheduled, or that schedule says STATUS:CANCELLED.
 */
export function isMeetingCancelled(
  status: string | null | undefined,
  cancelledAfterScheduled: boolean,
): boolean {
  return cancelledAfterScheduled || status?.toUpperCase() === 'CANCELLED';
}
