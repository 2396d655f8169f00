/**
 * Worker-thread entry: reads one export with its connector and prepares the events (payload JSON,
 * hashes) so the main thread only writes SQLite. On two cores this overlaps parsing with writing.
 * Flow control keeps at most MAX_IN_FLIGHT messages unacknowledged, so memory stays bounded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CONNECTORS } from '../connectors/registry.js';
import { openDirTree, openZipTree } from '../connectors/tree.js';
import { prepareEvent } from '../memory/prepared-event.js';
import type { PreparedItem, WorkerJob, WorkerMessage } from './ingest-worker-protocol.js';

const MAX_IN_FLIGHT = 8;
const ITEMS_PER_MESSAGE_EVENTS = 2_000;

async function run(job: WorkerJob): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('ingest-worker must run in a worker thread');
  let inFlight = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    inFlight--;
    wake?.();
  });
  const send = async (message: WorkerMessage): Promise<void> => {
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    inFlight++;
    port.postMessage(message);
  };
  const connector = CONNECTORS.find((candidate) => candidate.format === job.format);
  if (!connector) throw new Error(`no connector for ${job.format}`);
  const tree =
    job.tree.kind === 'dir'
      ? await openDirTree(job.tree.root)
      : await openZipTree(job.tree.root, job.zipLimits);
  try {
    let items: PreparedItem[] = [];
    let events = 0;
    for await (const item of connector.read(
      { format: job.format, path: job.path, container: 'tree', tree },
      job.options,
    )) {
      if (item.kind === 'problem') items.push(item);
      else {
        items.push({ kind: 'batch', path: item.path, events: item.events.map(prepareEvent) });
        events += item.events.length;
      }
      if (events >= ITEMS_PER_MESSAGE_EVENTS) {
        await send({ kind: 'items', items });
        items = [];
        events = 0;
      }
    }
    if (items.length > 0) await send({ kind: 'items', items });
  } finally {
    await tree.close();
  }
  port.postMessage({ kind: 'done' } satisfies WorkerMessage);
}

run(workerData as WorkerJob).catch((error: unknown) => {
  parentPort?.postMessage({
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerMessage);
});
