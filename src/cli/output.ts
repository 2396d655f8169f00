/** Writes a value as pretty JSON followed by a newline. */
export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function writeLines(stream: NodeJS.WritableStream, lines: readonly string[]): void {
  stream.write(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
}

export { formatTime } from '../domain/time-zones.js';

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}
