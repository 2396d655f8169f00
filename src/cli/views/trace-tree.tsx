import { Box, Text, useApp } from 'ink';
import { useEffect } from 'react';
import { formatMs, type TraceView } from '../../observability/span-rows.js';

const BAR = 24;

/** A span tree with a waterfall of timings (`outro trace` on a terminal). */
export function TraceTree({ view }: { view: TraceView }) {
  const total = Math.max(view.totalMs, 0.001);
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>trace {view.traceIds.join(', ')}</Text>
        {view.runId ? <Text> run {view.runId}</Text> : null}
        <Text dimColor>
          {' '}
          {formatMs(view.totalMs)}, {view.spans} spans, {view.errors} errors
        </Text>
      </Text>
      {view.rows.map((row) => {
        const start = Math.min(BAR - 1, Math.floor((row.offsetMs / total) * BAR));
        const width = Math.max(1, Math.min(BAR - start, Math.round((row.durationMs / total) * BAR)));
        const bar = `${' '.repeat(start)}${'█'.repeat(width)}`.padEnd(BAR);
        return (
          <Box key={row.spanId} flexDirection="column">
            <Box>
              <Box width={44}>
                <Text wrap="truncate-end" color={row.status === 'error' ? 'red' : undefined}>
                  {'  '.repeat(row.depth)}
                  {row.status === 'error' ? '✗ ' : ''}
                  {row.name}
                </Text>
              </Box>
              <Text color={row.kind === 'model' ? 'magenta' : row.kind === 'stage' ? 'cyan' : 'green'}>
                {bar}
              </Text>
              <Text> {formatMs(row.durationMs).padStart(9)}</Text>
              {row.facts.length > 0 ? <Text dimColor> {row.facts.join(', ')}</Text> : null}
            </Box>
            {row.error ? (
              <Text color="red">
                {'  '.repeat(row.depth + 1)}
                {row.error}
              </Text>
            ) : null}
          </Box>
        );
      })}
    </Box>
  );
}

/** Renders the tree once and exits (a static report, not an interactive app). */
export function TraceTreeOnce({ view }: { view: TraceView }) {
  const { exit } = useApp();
  useEffect(() => exit(), [exit]);
  return <TraceTree view={view} />;
}
