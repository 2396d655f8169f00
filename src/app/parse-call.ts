import { OutroError } from '../domain/errors.js';
import { OPERATION_INPUTS } from './operation-inputs.js';
import { OPERATIONS, type OperationName } from './operations.js';

/**
 * An operation's input as it arrives from outside this process (the daemon's socket, an MCP tool
 * call), checked against the operation's schema; the issues, or the input as the schema read it.
 */
export function checkInput(
  name: OperationName,
  input: unknown,
): { ok: true; input: unknown } | { ok: false; problems: string } {
  const parsed = OPERATION_INPUTS[name].safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, problems };
}

/** A call as it arrives over the socket, checked: a known name and an input its schema accepts (USAGE otherwise). */
export function parseCall(name: string, input: unknown): { name: OperationName; input: unknown } {
  if (!Object.hasOwn(OPERATIONS, name))
    throw new OutroError(
      'USAGE',
      `The outro daemon has no operation "${name}" (it knows ${Object.keys(OPERATIONS).join(', ')}). Is the daemon from an older outro? Restart it: outro daemon stop && outro daemon start.`,
    );
  const known = name as OperationName;
  const checked = checkInput(known, input);
  if (!checked.ok)
    throw new OutroError(
      'USAGE',
      `Not a valid input for the daemon's "${name}" operation: ${checked.problems}.`,
    );
  return { name: known, input: checked.input };
}
