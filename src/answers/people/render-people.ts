import type { LinkView, PeopleResult, PersonDetail, PersonSummary } from './people-types.js';

/**
 * `outro people` as plain text: the list (one line per human: name, sources, handles and emails,
 * how sure the grouping is), or one human with every identity and each link's method, confidence
 * and basis; then how to override the grouping in the config, and config entries not yet applied.
 */
export function renderPeopleText(result: PeopleResult): string[] {
  const lines = result.kind === 'list' ? listLines(result) : showLines(result.person);
  const { override } = result;
  if (override.pending.length > 0) {
    lines.push(
      '',
      `Not applied yet — the config's people: entries make these links, which the log does not hold (run \`outro ingest\` again):`,
      ...override.pending.map((link) => `  ${linkLine(link)}`),
    );
  }
  lines.push(
    '',
    `To join identities or keep them apart, edit ${override.configFile}, then run \`outro ingest\` again:`,
    ...override.example.map((line) => `  ${line}`),
  );
  return lines;
}

function listLines(result: Extract<PeopleResult, { kind: 'list' }>): string[] {
  const { counts } = result;
  const lines = [
    `${counts.humans} ${counts.humans === 1 ? 'person' : 'people'} (${counts.joined} linked across several identities, ${counts.identities} identities listed${counts.bots > 0 ? `, ${counts.bots} bot${counts.bots === 1 ? '' : 's'}${result.people.some((person) => person.isBot) ? '' : ' left out (--bots)'}` : ''})`,
  ];
  if (result.people.length === 0) {
    lines.push('', 'Nobody is stored yet: run `outro ingest` first.');
    return lines;
  }
  lines.push('');
  for (const person of result.people) lines.push(summaryLine(person));
  lines.push('', 'Show one with its identities and links: outro people NAME (any handle, name or email).');
  return lines;
}

function summaryLine(person: PersonSummary): string {
  const handles = person.handles.map((handle) => `@${handle}`);
  const known = [...handles, ...person.emails].slice(0, 4);
  const more = handles.length + person.emails.length - known.length;
  return [
    `${person.name}${person.isBot ? ' [bot]' : ''}`,
    `${person.identityCount} identit${person.identityCount === 1 ? 'y' : 'ies'} (${person.sources.join(', ')})`,
    ...(known.length > 0 ? [`${known.join(' ')}${more > 0 ? ` +${more}` : ''}`] : []),
    ...(person.identityCount > 1 ? [`linked ${confidence(person.confidence)}`] : []),
  ].join('  ·  ');
}

function showLines(person: PersonDetail): string[] {
  const lines = [
    `${person.name}${person.isBot ? ' [bot]' : ''} — ${person.identityCount} identit${person.identityCount === 1 ? 'y' : 'ies'} on ${person.sources.join(', ')}${person.identityCount > 1 ? `, linked ${confidence(person.confidence)}` : ''}`,
    '',
    'Identities:',
  ];
  for (const identity of person.identities) {
    const details = [
      identity.names.length > 0 ? `names: ${identity.names.join(', ')}` : null,
      identity.handles.length > 0
        ? `handles: ${identity.handles.map((handle) => `@${handle}`).join(', ')}`
        : null,
      identity.emails.length > 0 ? `emails: ${identity.emails.join(', ')}` : null,
      identity.title ? `title: ${identity.title}` : null,
      identity.timezone ? `time zone: ${identity.timezone}` : null,
      identity.isBot ? 'bot' : null,
      identity.deleted ? 'deleted' : null,
    ].filter((detail): detail is string => detail !== null);
    lines.push(`  ${identity.configId}  (${identity.key})`, ...details.map((detail) => `      ${detail}`));
  }
  if (person.links.length > 0) {
    lines.push('', 'Linked by:');
    for (const link of person.links)
      lines.push(`  ${linkLine(link)}${link.joins ? '' : '  (too weak to join; another link joins them)'}`);
  }
  if (person.notJoined.length > 0) {
    lines.push('', 'Links that joined nothing:');
    for (const link of person.notJoined) lines.push(`  ${linkLine(link)} — ${link.apart ?? 'kept apart'}`);
  }
  return lines;
}

function linkLine(link: LinkView): string {
  return `${link.aLabel} = ${link.bLabel}  ${link.method} ${confidence(link.confidence)}  "${link.basis}"`;
}

function confidence(value: number): string {
  return value.toFixed(2);
}
