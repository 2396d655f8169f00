import { existsSync } from 'node:fs';
import { connect } from 'node:net';

/** True when something accepts connections on the Unix socket `path` (a live daemon). */
export function socketAnswers(path: string, timeoutMs = 1_000): Promise<boolean> {
  if (!existsSync(path)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const connection = connect(path);
    const done = (answer: boolean): void => {
      clearTimeout(timer);
      connection.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    connection.once('connect', () => done(true));
    connection.once('error', () => done(false));
  });
}
