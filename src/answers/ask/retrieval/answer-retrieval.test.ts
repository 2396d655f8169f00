import { describe, expect, it } from 'vitest';
import { slackProfile } from '../test-support/slack-people.js';
import { indexedSources, messageDoc } from '../test-support/search-docs.js';
import { SqliteSearchIndex } from '../../../memory/search/sqlite-search-index.js';
import type { SearchDocInput } from '../../../memory/search/search-types.js';
import { PeopleDirectory } from '../../people/people-directory.js';
import type { AskSources } from '../answer-support.js';
import { ask } from '../ask.js';
import { answeredByIndexAlone, askByRetrieval } from '../ask-by-retrieval.js';
import { answerByRetrieval, KNOWN_THRESHOLD } from './answer-retrieval.js';

const profile = slackProfile;
const ASOF = '2026-10-23T23:59:59.999Z';

const PEOPLE = new PeopleDirectory([
  profile('UHEL', 'Helena Marsh'),
  profile('UPRI', 'Priya Raman'),
  profile('UJON', 'Jonas Becker'),
  profile('UMAR', 'Marcus Webb'),
  profile('UKWA', 'Kwame Mensah'),
  profile('UDAV', 'Dave Kowalski'),
]);

const message = messageDoc;

const DOCS: SearchDocInput[] = [
  message(
    'UMAR',
    '2026-10-20T09:00:00.000Z',
    'riders affected get refunds under $500 automatically, the rest by hand',
  ),
  message(
    'UKWA',
    '2026-10-20T09:30:00.000Z',
    '52 riders got charged twice on the airport line, list is in the doc',
  ),
  message(
    'UDAV',
    '2026-10-21T11:00:00.000Z',
    'the offline mode for the driver tablet ships in 3.7 behind a flag',
  ),
  message(
    'UJON',
    '2026-10-21T13:00:00.000Z',
    'PR for the tram map renderer is up. needs a review from someone who knows the tiles',
    'tram-map',
  ),
  message('UKWA', '2026-10-21T13:30:00.000Z', 'reviewed, one nit, otherwise good to go', 'tram-map'),
  message(
    'UJON',
    '2026-10-22T09:00:00.000Z',
    'tram map renderer merged ✅ tiles load twice as fast',
    'tram-map',
  ),
  message('UMAR', '2026-10-22T10:00:00.000Z', 'please call the bus depot about the parking permits'),
  message(
    'UHEL',
    '2026-10-22T11:00:00.000Z',
    '@Dave could you send me the depot hiring plan for spring?',
    'hiring',
  ),
  message('UDAV', '2026-10-22T11:05:00.000Z', "yes, you'll have it today", 'hiring'),
  message(
    'UDAV',
    '2026-10-21T12:00:00.000Z',
    'we paused the timetable sync last week; the timetable sync comes back in Q2 once the vendor fixes their API',
  ),
  message(
    'UDAV',
    '2026-10-15T10:00:00.000Z',
    'Hello all, for the HIPAA readiness review the assessors have Nov 16–20 or Dec 7–11 open. Please choose one by Friday.',
  ),
  message(
    'UKWA',
    '2026-10-19T15:00:00.000Z',
    'Incident review notes (billing outage)\n- root cause: the nightly reindex wrote a mapping with a duplicated field; every indexer node loads it, so they all restarted in a loop',
  ),
  message(
    'UHEL',
    '2026-10-16T16:00:00.000Z',
    "Huge thanks to all who stayed on Tuesday's outage call, above all Priya, who found the root cause in minutes.",
    'allhands',
  ),
  message(
    'UPRI',
    '2026-10-16T16:05:00.000Z',
    'actually it was Jonas, not me. I was only on call',
    'allhands',
  ),
  message(
    'UMAR',
    '2026-10-15T09:00:00.000Z',
    'what does our contract actually say about degraded service?',
    'sla',
  ),
  message(
    'UHEL',
    '2026-10-15T09:10:00.000Z',
    'I know this one: 99.9% uptime per quarter for each region.',
    'sla',
  ),
  message(
    'UPRI',
    '2026-10-15T09:20:00.000Z',
    'thanks Helena. I will get back with a figure on Monday',
    'sla',
  ),
  message('UMAR', '2026-10-16T09:00:00.000Z', 'Initech asked about a discount on the renewal', 'initech'),
  message('UHEL', '2026-10-16T09:05:00.000Z', 'maybe ~10% as a draft? nothing agreed yet', 'initech'),
  message(
    'UMAR',
    '2026-10-17T09:00:00.000Z',
    'Kestrel ships the scanners once the order form is signed',
    'kestrel',
  ),
  message('UKWA', '2026-10-30T09:00:00.000Z', 'the HIPAA review moved to Dec 14–17', 'later'),
  message(
    'UJON',
    '2026-10-18T09:00:00.000Z',
    '@Kwame can we expense two standing desks for the new hires?',
    'desks',
  ),
  message('UKWA', '2026-10-18T09:30:00.000Z', 'sure, Helena signs off on those', 'desks'),
  message(
    'UMAR',
    '2026-10-21T09:00:00.000Z',
    '@Kwame can I order two spare laptops for the interns?',
    'laptops',
  ),
  message(
    'UMAR',
    '2026-10-19T09:00:00.000Z',
    'ok then: Jonas does the invoice exports after the export bug',
    'exp1',
  ),
  message(
    'UPRI',
    '2026-10-19T11:00:00.000Z',
    'found why the invoice exports were failing: the job reads amounts in the server locale, not the customer one',
    'exp2',
  ),
  message('UMAR', '2026-10-20T03:30:00.000Z', 'the nightly sync keeps failing for the EU tenants', 'sync1'),
  message(
    'UPRI',
    '2026-10-20T03:00:00.000Z',
    'the vendor rotated our token and the nightly sync fails since 02:00',
    'sync2',
  ),
  message(
    'UJON',
    '2026-10-12T09:00:00.000Z',
    '12 scanners for the trial, Kestrel ships them to the Leeds warehouse',
    'ks1',
  ),
  message(
    'UDAV',
    '2026-10-20T09:00:00.000Z',
    "Friendly reminder on the order form 🙂 Without it we can't send the scanners this week",
    'ks2',
  ),
  message(
    'UJON',
    '2026-10-19T10:00:00.000Z',
    "I'll rotate the SAML signing certs before they expire on the 16th",
  ),
  message('UJON', '2026-10-22T16:00:00.000Z', 'signing certs rotated ✅ new ones are valid until Nov 2027'),
  message(
    'UPRI',
    '2026-10-21T10:00:00.000Z',
    'found why the kiosk printers jam: the driver resets the paper size on every reboot',
  ),
  message(
    'UDAV',
    '2026-10-21T12:00:00.000Z',
    'from today SMS gateway sends stop after 4 attempts, then the message is marked failed',
  ),
  message(
    'UMAR',
    '2026-10-22T12:00:00.000Z',
    'ferry timetable zone fix merged ✅ departures show local time again',
  ),
];

function sources(): AskSources & { search: SqliteSearchIndex } {
  return indexedSources(DOCS, PEOPLE, ASOF);
}

describe('answerByRetrieval', () => {
  const s = sources();
  const answer = (question: string) => answerByRetrieval(question, s, ASOF, s.search);

  it('answers a when-question with the date span, then cites the message', () => {
    const result = answer('When is the HIPAA review?');
    expect(result.known).toBe(true);
    expect(result.answerType).toBe('time');
    expect(result.text.startsWith('Nov 16–20')).toBe(true);
    expect(result.evidence[0].snippet).toContain('HIPAA readiness review');
    expect(result.confidence).toBeGreaterThanOrEqual(KNOWN_THRESHOLD);
  });

  it('answers "how many X" with the number that counts X, not another amount in a matching message', () => {
    expect(answer('how many riders were charged twice?').text.startsWith('52')).toBe(true);
  });

  it('answers "did X do Y" with the report that it was done, not the promise to do it', () => {
    expect(answer('did Jonas ever rotate the SAML signing certs?').text).toContain('valid until Nov 2027');
  });

  it('answers a when-question with a release or a quarter, the one nearest the words asked about', () => {
    expect(answer('when does offline mode ship').text.startsWith('in 3.7')).toBe(true);
    const back = answer('when does the timetable sync come back').text;
    expect(back, back).toMatch(/^in Q2/);
  });

  it('answers who did what a request asked for with the author of the reply that did it', () => {
    expect(answer('who reviewed the tram map renderer?').text).toMatch(/^Kwame Mensah: "reviewed, one nit/);
  });

  it('reads a report of work merged or done as a yes to "did X finish Y"', () => {
    const done = answer('did Jonas finish the tram map renderer?');
    expect(done.known).toBe(true);
    expect(done.text).toContain('tram map renderer merged');
  });

  it('answers who did a deed with the author of a sentence that opens with it, in other words ("figured out" / "found")', () => {
    expect(answer('who figured out the kiosk printer jams').text).toMatch(
      /^Priya Raman: "found why the kiosk/,
    );
  });

  it('reads a chat abbreviation or a synonym as the word it stands for ("tz" for zone, "tries" for attempts)', () => {
    const blocked = answer('is the ferry timetable tz fix blocked?');
    expect(blocked.known).toBe(true);
    expect(blocked.text).toContain('zone fix merged');
    expect(answer('how many tries does the sms gateway get?').text.startsWith('4')).toBe(true);
  });

  it('does not answer what something is with a reply that only promises to send it', () => {
    expect(answer("what's the depot hiring plan for spring?").text).not.toContain("you'll have it");
  });

  it('does not answer who is on call from a message that only says "call"', () => {
    expect(answer('who is on call at the bus depot?').known).toBe(false);
  });

  it('reads nothing dated after the as-of time', () => {
    const result = answer('When is the HIPAA review?');
    expect(result.text).not.toContain('Dec 14–17');
    const later = answerByRetrieval('When is the HIPAA review?', s, '2026-10-31T00:00:00.000Z', s.search);
    expect(later.text).toContain('Dec 14–17');
  });

  it('answers a cause question with the sentence that gives the cause', () => {
    const result = answer('What was the root cause of the billing outage?');
    expect(result.answerType).toBe('reason');
    expect(result.text).toContain('duplicated field');
  });

  it('takes a later correction in the same conversation over the first claim', () => {
    const result = answer('Who found the root cause of the outage?');
    expect(result.known).toBe(true);
    expect(result.text.startsWith('Jonas Becker')).toBe(true);
    expect(result.text).not.toMatch(/^Priya/);
  });

  it('answers from the reply to a chat question, not the question itself', () => {
    const result = answer('What does our contract say about degraded service?');
    expect(result.known).toBe(true);
    expect(result.text).toContain('99.9%');
  });

  it('answers from the reply that answers, not a later thank-you in the same thread', () => {
    const result = answer('What does our contract say about degraded service?');
    expect(result.text).not.toMatch(/^"thanks/);
    expect(result.evidence[0].snippet).toContain('99.9%');
  });

  it('answers what blocks something with the message that names what it waits on', () => {
    const result = answer('What is blocking the Kestrel scanners from shipping?');
    expect(result.answerType).toBe('blocker');
    expect(result.text).toMatch(/order form/);
    const hits = result.retrieval?.hits ?? [];
    const leeds = hits.find((hit) => hit.sentence.includes('Leeds'));
    // A plain statement about the shipment, however close to the words, is no blocker.
    expect(hits[0].score).toBeGreaterThan(leeds?.score ?? 0);
  });

  it('answers who asked for something with the one who asked, not the people the request names', () => {
    const result = answer('Who asked for standing desks?');
    expect(result.known).toBe(true);
    expect(result.text.startsWith('Jonas Becker')).toBe(true);
  });

  it('answers a why-question with the sentence that says what was found, not one that names the bug', () => {
    const result = answer('Why was the invoice export bug happening?');
    expect(result.answerType).toBe('reason');
    expect(result.text).toContain('server locale');
  });

  it('answers why something failed with the event that broke it', () => {
    const result = answer('Why did the nightly sync fail?');
    expect(result.known).toBe(true);
    expect(result.text).toContain('rotated our token');
  });

  it('answers the status of something only asked about with the open question', () => {
    const result = answer("What's the status of the spare laptops for the interns?");
    expect(result.known).toBe(true);
    expect(result.text).toMatch(/^Still open, 2026-10-21: .*spare laptops.*: no reply on record\.$/);
  });

  it('says I do not know, with maybe-relevant messages, when the only amount is tentative', () => {
    const result = answer('What discount did we give Initech?');
    expect(result.known).toBe(false);
    expect(result.text.startsWith("I don't know.")).toBe(true);
    expect(result.maybeRelevant?.length ?? 0).toBeGreaterThan(0);
    expect(result.maybeRelevant?.length ?? 0).toBeLessThanOrEqual(3);
  });

  it('says I do not know when nothing states the amount asked for', () => {
    const result = answer('How much does Kestrel charge per scanner?');
    expect(result.known).toBe(false);
  });

  it('says so when the question names a person nobody has heard of', () => {
    const result = answer('What did Zebediah approve?');
    expect(result.known).toBe(false);
    expect(result.text).toContain('Zebediah');
  });

  it.each([
    ['empty', ''],
    ['punctuation only', '?!?!...'],
    ['FTS operators', '"NEAR(a b) * -c OR ^d:e'],
    ['SQL-looking', "'; DROP TABLE search_docs; --"],
    ['10 KB', 'outage '.repeat(1_500)],
    ['non-English', '¿Cuándo es la certificación?'],
  ])('gives a clear answer or I do not know for %s input', (_label, question) => {
    const result = answer(question);
    expect(typeof result.text).toBe('string');
    expect(result.text.length).toBeGreaterThan(0);
    if (!result.known) expect(result.text).toMatch(/^I don't know/);
  });
});

describe('ask with a search index', () => {
  it('answers by retrieval what no question pattern understands, and says so', async () => {
    const result = await ask('When is the HIPAA review?', sources(), { asOf: ASOF });
    expect(result.understoodBy).toBe('retrieval');
    expect(result.known).toBe(true);
    expect(result.retrieval?.hits.length ?? 0).toBeGreaterThan(0);
  });

  it.each([
    'When is the HIPAA review?',
    'What discount did we give Initech?',
    'Who found the root cause of the outage?',
  ])('answers %s from the index alone exactly as ask does, without the graph', async (question) => {
    const s = sources();
    expect(answeredByIndexAlone(question, s.now, s.timeZone, ASOF)).toBe(true);
    const { graph: _graph, evidence: _evidence, me: _me, ...indexOnly } = s;
    expect(askByRetrieval(question, indexOnly, ASOF)).toEqual(await ask(question, s, { asOf: ASOF }));
  });

  it('leaves to the graph a question a pattern understands', () => {
    expect(answeredByIndexAlone('who owns billing', new Date(ASOF), 'UTC')).toBe(false);
    expect(answeredByIndexAlone('who owned billing last week', new Date(ASOF), 'UTC', ASOF)).toBe(false);
  });
});
