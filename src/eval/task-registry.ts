import {
  annotateActionItemsTask,
  annotateDecisionsTask,
  annotateFactsTask,
  annotateQuestionsTask,
} from './tasks/annotate-tasks.js';
import { askTask } from './tasks/ask-task.js';
import { askWorkspaceTask } from './tasks/ask-workspace-task.js';
import { disentangleTask } from './tasks/disentangle-task.js';
import type { EvalTask } from './task.js';

/** Every task a dataset header may name. */
export const EVAL_TASKS: ReadonlyMap<string, EvalTask> = new Map(
  [
    disentangleTask,
    annotateDecisionsTask,
    annotateActionItemsTask,
    annotateQuestionsTask,
    annotateFactsTask,
    askTask,
    askWorkspaceTask,
  ].map((task) => [task.name, task]),
);
