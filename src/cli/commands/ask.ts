import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

export function registerAsk(program: Command, context: () => CliContext): void {
  program
    .command('ask')
    .argument('<question...>', 'a question in plain English (quote it, or not)')
    .description(
      'Answer a question about who owns what, what was decided and what waits on you, with confidence, evidence and history — or say "I don\'t know"',
    )
    .option(
      '--as-of <date>',
      'answer as of a day (YYYY-MM-DD, end of that day in the config timezone) or an ISO time; "last week" in the question is read from it, and nothing later is read',
    )
    .option(
      '--json',
      'print the answer as JSON: {text, known, confidence, evidence[], asOf, history[], entity, searched, understoodBy, answeredBy, extractive, answerType, retrieval, maybeRelevant[], degraded, degradedReason, match, wording, model}',
    )
    .option('--no-model', 'patterns and the built-in embeddings only, even when a model is configured')
    .addHelpText(
      'after',
      `
Questions understood (no model needed):
  who owns X · who owned X last week · who owned X on 2026-11-10 · who took over X
  who should I ask about X   (owner, then expertise, then the most active participants)
  who is working on X · who knows X best · what did we decide about X
  what is PERSON working on · what is blocking PERSON|X · what is waiting on me (config \`me\`)
  what changed about X       (the 7 days before --as-of)
  who is on call (this week, during …) · who looks after X · whose account is X
Anything else is answered from the search index (retrieval, no model): the answer type (when, who,
how much, why, status …), the best sentence or its date/amount/person, then the cited messages;
a partial match answers a who/why/status question as "Best guess, from a partial match: …" (a date or
an amount needs a full one); weak evidence gives "I don't know" and up to three "maybe relevant" messages.
X is matched against component/project names and aliases; people by name, handle or email.
When no name matches, the nearest component by embeddings (names, aliases, conversation topics)
is used if it is close enough, and the answer says so with the score.
With no support in the data the answer is "I don't know", with what was searched.

With a model (config \`model:\` or OUTRO_MODEL=ollama:<name>), questions the patterns miss are
understood by the model ("whose desk does billing land on these days?") and known answers
get a one-or-two-sentence wording. The facts, evidence and confidence always come from the data;
a model reply that names anything not in it is dropped. Questions answered from the search index
are answered by the model from the best six messages, citing them; the answer is kept only when
every name, date and number in it is in the messages it cites (else the extractive answer,
degraded; --json answeredBy: records|extractive|model). When the model is down or unsure the
answer says "degraded" and why. Replies are cached: asking again makes no model call.

Without the daemon, while another outro process (an ingest) holds the graph, ask waits up to
OUTRO_GRAPH_WAIT_MS (default 5000) and then answers from the log, marked "degraded: graph busy".
Without a model, a question answered from the search index does not open the graph, so it never waits.

Examples:
  outro ask who owns billing
  outro ask "who owned the billing service last week?"
  outro ask "what did we decide about search" --as-of 2026-11-12
  outro ask "what is waiting on me" --json | jq -r '.text'
  OUTRO_MODEL=ollama:llama3.2:3b outro ask "whose desk does billing land on these days?"`,
    )
    .action(async (words: string[], options: { asOf?: string; json?: boolean; model?: boolean }) => {
      const ctx = context();
      const question = words.join(' ').trim();
      if (question === '')
        throw new OutroError('USAGE', 'Ask a question, e.g. outro ask "who owns billing".');
      const { answer, timeZone } = await callApp(ctx, 'ask', {
        question,
        asOf: options.asOf,
        model: options.model !== false,
      });
      if (options.json) writeJson(ctx.stdout, answer);
      else
        writeLines(
          ctx.stdout,
          (await import('../../answers/ask/render-answer.js')).renderAnswer(answer, timeZone),
        );
    });
}
