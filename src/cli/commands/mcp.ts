import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerMcp(program: Command, context: () => CliContext): void {
  program
    .command('mcp')
    .description(
      'Serve outro to an assistant (Claude Desktop, VS Code, Cursor…) over the Model Context Protocol on stdio: tools ask, search, brief, items, history, people and the brief and latest digest as resources; read-only',
    )
    .addHelpText(
      'after',
      `
The assistant starts \`outro mcp\` itself; stdout carries JSON-RPC only, logs go to stderr. When
the daemon runs, calls go through it (it owns the stores); otherwise the store is opened here.
No tool ingests, writes to the log or marks a brief as seen.

Claude Desktop (claude_desktop_config.json), Cursor (~/.cursor/mcp.json):
  { "mcpServers": { "outro": { "command": "outro", "args": ["mcp"] } } }
VS Code (.vscode/mcp.json):
  { "servers": { "outro": { "type": "stdio", "command": "outro", "args": ["mcp"] } } }

Check it by hand:
  npx @modelcontextprotocol/inspector outro mcp`,
    )
    .action(async () => {
      const ctx = context();
      await (await import('../mcp/serve.js')).serveMcp(ctx);
    });
}
