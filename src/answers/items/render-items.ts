import { localDateTime } from '../../domain/time-zones.js';
import { citeText } from '../brief/render-shared.js';
import type { ItemChange, ItemsResult, ListedItem } from './items-types.js';

const KIND_LABEL = { decision: 'decision', action: 'to do', question: 'question' } as const;

/**
 * The items as plain text (a pipe, a script): a header with the counts and filters, then one block
 * per item — `[state] kind  text`, who it is for and where, then its history, each step with the
 * message it rests on.
 */
export function renderItemsText(result: ItemsResult): string[] {
  const lines = [headerText(result)];
  if (result.items.length === 0) {
    lines.push(
      '',
      'Nothing matches. Run `outro ingest` first, or widen the filters (--since, --channel, --for, --kind).',
    );
    return lines;
  }
  for (const item of result.items) lines.push('', ...itemLines(item, result.timezone));
  return lines;
}

function headerText(result: ItemsResult): string {
  const { counts, filters } = result;
  const kinds =
    filters.kinds.length === 3
      ? 'decisions, action items and questions'
      : filters.kinds
          .map((kind) => ({ decision: 'decisions', action: 'action items', question: 'questions' })[kind])
          .join(' and ');
  const scope = [
    filters.state ? `${filters.state} only` : null,
    filters.for ? `for ${filters.for.name}` : null,
    filters.channels
      ? `in ${filters.channels.length === 1 ? 'one channel' : `${filters.channels.length} channels`}`
      : null,
    filters.since ? `active since ${localDateTime(filters.since, result.timezone)}` : null,
    filters.until ? `as of ${localDateTime(filters.until, result.timezone)}` : null,
  ].filter((part): part is string => part !== null);
  return `${counts.items} item${counts.items === 1 ? '' : 's'} (${counts.open} open): ${kinds}${scope.length > 0 ? `, ${scope.join(', ')}` : ''} — times in ${result.timezone}`;
}

function itemLines(item: ListedItem, timeZone: string): string[] {
  const names = (refs: ListedItem['for']): string => refs.map((ref) => ref.name).join(', ');
  const label =
    item.kind === 'question' && item.questionKind !== 'question' ? item.questionKind : KIND_LABEL[item.kind];
  const due = item.due
    ? ` — due ${item.due.length > 10 ? localDateTime(item.due, timeZone) : item.due}${item.dueState === 'overdue' ? ' (OVERDUE)' : item.dueState === 'due-soon' ? ' (due soon)' : ''}`
    : '';
  const who =
    item.kind === 'decision'
      ? item.by.length > 0
        ? `by ${names(item.by)}`
        : null
      : item.for.length > 0
        ? `for ${names(item.for)}`
        : item.kind === 'question'
          ? 'to the room'
          : 'nobody named';
  const where = [who, `${item.source} ${item.channelName}`, item.topic ? `[${item.topic}]` : null]
    .filter((part): part is string => part !== null)
    .join(' · ');
  return [
    `[${item.state}] ${label}: ${item.text}${due}`,
    `    ${where}`,
    ...item.history.flatMap((change) => [
      `    ${change.localTime}  ${changeText(change)}`,
      ...change.evidence.slice(0, 1).map((citation) => `        ${citeText(citation)}`),
    ]),
  ];
}

function changeText(change: ItemChange): string {
  const by = change.by.map((ref) => ref.name).join(', ');
  const to = change.to.map((ref) => ref.name).join(', ');
  const note = change.note ? `: ${change.note}` : '';
  switch (change.change) {
    case 'assigned':
      if (to === '') return `requested by ${by} (nobody named)`;
      return by === to ? `taken on by ${by}` : `assigned to ${to} by ${by}`;
    case 'asked':
      return to === '' ? `asked by ${by}` : `asked of ${to} by ${by}`;
    case 'accepted':
      return `accepted by ${by}`;
    default:
      return `${change.change} by ${by}${note}`;
  }
}
