import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | undefined;

/**
 * Runs a full garbage collection of the JavaScript heap now. For one moment of an ingest: just
 * before the graph projector opens Kùzu on the first batch, when the agents before it have left
 * their garbage and Kùzu is about to add ~300 MB outside the heap. V8 grows its heap to 160-300
 * MB during annotate and collects it when it likes; live data then is ~70 MB (issue 16: a
 * 20,000-message Discord file peaked at 559-658 MB with agents, this heap on top of Kùzu's).
 * Node exposes the collector only behind --expose-gc: the flag is set at run time and the
 * function taken from a fresh context, once. Costs ~0.1-0.3 s on a 200 MB heap (the second
 * collection, on what the first left, much less).
 */
export function collectGarbage(): void {
  if (!collector) {
    collector = (globalThis as { gc?: () => void }).gc;
    if (!collector) {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    }
  }
  collector();
  // A second collection finds the heap small and gives its emptied pages back: after one, V8 keeps
  // them committed (a 200k-message graph load: heap 15 MB in use of 143-181 MB, RSS unchanged); after
  // two, 48-55 MB, and the load's peak RSS fell 619-652 -> 505-545 MB (issue 16).
  collector();
}
