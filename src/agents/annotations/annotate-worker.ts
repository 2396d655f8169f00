/**
 * Worker-thread entry of the annotate pool (annotate-pool.ts): opens the store read-only, keeps its
 * own channel messages and knowledge fold (as the agent does), and annotates the conversations it is
 * sent with the heuristic, recording what each run read (annotate-reads.ts) so the main thread can
 * take the output only where the real input gives the same answers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EventLog } from '../../memory/event-log.js';
import { openDatabase } from '../../memory/sqlite.js';
import { heuristicAnnotateStrategy } from '../../pipeline/annotate/annotate-stage.js';
import { dialogueActModel } from '../../pipeline/annotate/dialogue/act-model-once.js';
import {
  buildAnnotateInput,
  ChannelMessagesCache,
  readKnowledge,
  type AnnotateKnowledge,
} from './annotate-inputs.js';
import { recordReads } from './annotate-reads.js';
import type {
  AnnotateWorkerData,
  AnnotateWorkerReply,
  AnnotateWorkerRequest,
} from './annotate-worker-protocol.js';
import { KnowledgeFold } from './knowledge-fold.js';

const port = parentPort;
if (!port) throw new Error('annotate-worker must run in a worker thread');
const { file, timezone } = workerData as AnnotateWorkerData;
const db = openDatabase(file, { migrations: [], readonly: true });
const log = new EventLog(db);
const fold = new KnowledgeFold(log);
const channels = new ChannelMessagesCache(log);
let knowledge: AnnotateKnowledge | undefined;
const reply = (message: AnnotateWorkerReply): void => port.postMessage(message);

async function handle(request: AnnotateWorkerRequest): Promise<void> {
  if (request.kind === 'batch') {
    channels.refresh();
    knowledge = readKnowledge(db, log, fold);
    return;
  }
  const { job, conversation } = request;
  try {
    if (!knowledge) throw new Error('annotate worker: a job before its batch');
    for (const event of request.pending) fold.addPending(event);
    const input = buildAnnotateInput(
      conversation,
      channels.messages(conversation.channel),
      knowledge,
      timezone,
    );
    if (!input) return reply({ kind: 'skipped', job });
    const recorder = recordReads(input);
    const output = await heuristicAnnotateStrategy.run(input, { now: new Date(0) });
    reply({ kind: 'done', job, output, reads: recorder.seal() });
  } catch (error) {
    reply({ kind: 'failed', job, message: error instanceof Error ? error.message : String(error) });
  }
}

// Requests are handled one at a time, in the order sent (a job's pending events build on the last).
let queue = Promise.resolve();
port.on('message', (request: AnnotateWorkerRequest) => {
  queue = queue.then(() => handle(request));
});
dialogueActModel();
reply({ kind: 'ready' });
