import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDialogueAct, type ActContext } from '../../src/pipeline/annotate/acts/act.js';
import { singleUnit } from '../../src/pipeline/annotate/units/split-units.js';
import type { Example } from './example.js';

const CONTEXT_KEYS = new Set([
  'replyToAct',
  'previousAct',
  'reply',
  'dm',
  'listIndex',
  'quoted',
  'index',
  'unitCount',
]);

/**
 * The units written for training in `fixtures/dialogue-acts/*.jsonl`, one JSON object a line:
 * `{"text", "act", "context"?: {"replyToAct", "previousAct", "reply", "dm", "listIndex", "quoted", "index", "unitCount"}}`.
 * A bad line stops training with its file and line: the data is ours to fix.
 */
export function readLabelledUnits(dir: string): Example[] {
  const examples: Example[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((line, k) => {
        if (!line.trim()) return;
        const where = `${name}:${k + 1}`;
        const row = JSON.parse(line) as { text?: unknown; act?: unknown; context?: Record<string, unknown> };
        if (typeof row.text !== 'string' || !isDialogueAct(row.act))
          throw new Error(`${where}: needs a text and a known act`);
        const given = row.context ?? {};
        for (const key of Object.keys(given))
          if (!CONTEXT_KEYS.has(key)) throw new Error(`${where}: unknown context key ${key}`);
        for (const key of ['replyToAct', 'previousAct'] as const) {
          if (given[key] !== undefined && !isDialogueAct(given[key]))
            throw new Error(`${where}: ${key} is not an act`);
        }
        const unit = singleUnit(row.text);
        if (!unit || unit.skip) throw new Error(`${where}: the text is empty or would be skipped`);
        const context: ActContext = {
          replyToAct: given.replyToAct as ActContext['replyToAct'],
          previousAct: given.previousAct as ActContext['previousAct'],
          reply: given.reply === true || given.replyToAct !== undefined,
          dm: given.dm === true,
          unitCount: typeof given.unitCount === 'number' ? given.unitCount : 1,
        };
        examples.push({
          unit: {
            ...unit,
            index: typeof given.index === 'number' ? given.index : 0,
            listIndex: typeof given.listIndex === 'number' ? given.listIndex : undefined,
            quoted: given.quoted === true ? true : undefined,
          },
          context,
          act: row.act,
          source: 'units',
          weight: 1,
          where,
        });
      });
  }
  return examples;
}
