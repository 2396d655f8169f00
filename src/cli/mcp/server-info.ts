/**
 * What `outro mcp` says about itself in its `initialize` reply, kept free of the SDK and zod so the
 * reply can be written before they load (see ./stdio-lines.ts). test/cli/mcp-early.test.ts checks it
 * against the reply of the SDK's own McpServer.
 */

export const INSTRUCTIONS = `outro is the user's local memory of their team's chat (Slack, Microsoft Teams, Discord exports) and calendar. Use \`brief\` to catch up on a window of time, \`ask\` for who owns / who to ask / what was decided / what waits on the user, \`history\` for how facts about a component or person changed, \`search\` to find and quote messages, \`items\` for open action items, decisions and questions, \`people\` to look someone up. Every answer cites its messages (source, channel, author, time, native id): quote them. When an answer says known: false, outro does not know — say so instead of guessing. Nothing leaves the user's machine, and no tool changes anything.`;

/** What the server registers: logging, and tools and resources (the SDK adds `listChanged`). */
export const CAPABILITIES = {
  logging: {},
  tools: { listChanged: true },
  resources: { listChanged: true },
} as const;

/**
 * The protocol versions the early reply answers with (the SDK echoes a requested version it
 * supports). A client asking for another version is answered by the SDK itself.
 */
export const EARLY_PROTOCOL_VERSIONS: readonly string[] = [
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
];

export function serverInfo(version: string): { name: string; title: string; version: string } {
  return { name: 'outro', title: 'outro', version };
}

/** The `initialize` result for a requested protocol version, or undefined when the SDK must answer. */
export function initializeResult(requested: unknown, version: string): Record<string, unknown> | undefined {
  if (typeof requested !== 'string' || !EARLY_PROTOCOL_VERSIONS.includes(requested)) return undefined;
  return {
    protocolVersion: requested,
    capabilities: CAPABILITIES,
    serverInfo: serverInfo(version),
    instructions: INSTRUCTIONS,
  };
}
