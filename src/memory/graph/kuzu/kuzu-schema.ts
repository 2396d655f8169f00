/**
 * The graph's tables. Facts are nodes, (:Person)-[:SUBJECT_OF]->(:Fact)-[:OBJECT]->(:Component),
 * because Kùzu indexes only node tables and a fact carries its own times, confidence and evidence.
 * Times are TIMESTAMP (bound as ISO strings through timestamp($s); a JS Date would bind as DATE).
 * Lists and evidence are JSON strings: they are read whole, and edges carry what queries filter on.
 * Fact nodes keep the ids of their supporting events, not the evidence text: the event log has it
 * (facts/evidence.ts), and a million facts copy in several times faster without it.
 * Bump GRAPH_SCHEMA_VERSION on any change: an older graph is then dropped and rebuilt by replay.
 */
export const GRAPH_SCHEMA_VERSION = 3;

export const NODE_TABLES = {
  Person: 'key STRING PRIMARY KEY, name STRING, version INT64',
  Component: 'id STRING PRIMARY KEY, kind STRING, name STRING, aliases STRING, search STRING, version INT64',
  Channel: 'key STRING PRIMARY KEY, name STRING, kind STRING, version INT64',
  Conversation:
    'id STRING PRIMARY KEY, channel STRING, topic STRING, summary STRING, participants STRING, mentioned STRING, entities STRING, noise BOOLEAN, startedAt TIMESTAMP, endedAt TIMESTAMP, messageCount INT64, version INT64',
  Decision:
    'id STRING PRIMARY KEY, version INT64, conversationId STRING, channel STRING, summary STRING, about STRING, decidedBy STRING, reverses STRING, at TIMESTAMP, confidence DOUBLE, evidence STRING, reversedBy STRING, reversedAt TIMESTAMP',
  ActionItem:
    'id STRING PRIMARY KEY, version INT64, conversationId STRING, channel STRING, summary STRING, assignee STRING, requestedBy STRING, due STRING, dueText STRING, at TIMESTAMP, confidence DOUBLE, evidence STRING, completedAt TIMESTAMP, completedBy STRING',
  Question:
    'id STRING PRIMARY KEY, version INT64, conversationId STRING, channel STRING, text STRING, asker STRING, addressees STRING, kind STRING, at TIMESTAMP, confidence DOUBLE, evidence STRING, answeredAt TIMESTAMP, answeredBy STRING',
  Meeting:
    'id STRING PRIMARY KEY, version INT64, calendar STRING, uid STRING, occurrence TIMESTAMP, title STRING, startsAt TIMESTAMP, endsAt TIMESTAMP, allDay BOOLEAN, location STRING, organizer STRING, attendees STRING, recurring BOOLEAN, status STRING, cancelSeq INT64',
  Fact: 'id STRING PRIMARY KEY, slot STRING, subject STRING, relation STRING, object STRING, status STRING, confidence DOUBLE, hedged BOOLEAN, validFrom TIMESTAMP, validTo TIMESTAMP, recordedAt TIMESTAMP, retiredAt TIMESTAMP, supersededBy STRING, retraction STRING, eventIds STRING',
  Meta: 'key STRING PRIMARY KEY, value STRING',
} as const;

export type NodeTable = keyof typeof NODE_TABLES;

/** The column a node table is keyed by: people, channels and meta by `key`, everything else by `id`. */
export function keyColumn(table: NodeTable): 'key' | 'id' {
  return table === 'Person' || table === 'Channel' || table === 'Meta' ? 'key' : 'id';
}

/** Relationship tables: name -> [from, to] pairs. */
export const REL_TABLES = {
  SUBJECT_OF: [['Person', 'Fact']],
  OBJECT: [['Fact', 'Component']],
  DECIDED: [['Person', 'Decision']],
  ABOUT: [
    ['Decision', 'Component'],
    ['Conversation', 'Component'],
  ],
  ASSIGNED_TO: [['ActionItem', 'Person']],
  ASKED: [['Person', 'Question']],
  ASKED_TO: [['Question', 'Person']],
  PARTICIPATED: [['Person', 'Conversation']],
  IN_CHANNEL: [['Conversation', 'Channel']],
  /** Organizer and attendees (calendar person keys) of a meeting occurrence. */
  ATTENDS: [['Person', 'Meeting']],
  IN_CONVERSATION: [
    ['Decision', 'Conversation'],
    ['ActionItem', 'Conversation'],
    ['Question', 'Conversation'],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [NodeTable, NodeTable]>>;

export type RelTable = keyof typeof REL_TABLES;

/** Properties of relationship tables, in the order bulk files write them after the two ends. */
export const REL_PROPERTIES: Partial<Record<RelTable, string>> = {
  /** 'organizer' or 'attendee'. */
  ATTENDS: 'role STRING',
};

/** Full-text indexes (node tables only): entity names and aliases, conversation topics. */
export const FTS_INDEXES = [
  { table: 'Component', name: 'component_fts', property: 'search' },
  { table: 'Conversation', name: 'conversation_fts', property: 'topic' },
] as const;

export function createStatements(): string[] {
  return [
    ...Object.entries(NODE_TABLES).map(([name, columns]) => `CREATE NODE TABLE ${name}(${columns})`),
    ...Object.entries(REL_TABLES).map(
      ([name, pairs]) =>
        `CREATE REL TABLE ${name}(${[...pairs.map(([from, to]) => `FROM ${from} TO ${to}`), ...(REL_PROPERTIES[name as RelTable] ? [REL_PROPERTIES[name as RelTable]] : [])].join(', ')})`,
    ),
  ];
}

export function createIndexStatements(): string[] {
  return FTS_INDEXES.map(
    (index) => `CALL CREATE_FTS_INDEX('${index.table}', '${index.name}', ['${index.property}'])`,
  );
}

export function dropIndexStatements(): string[] {
  return FTS_INDEXES.map((index) => `CALL DROP_FTS_INDEX('${index.table}', '${index.name}')`);
}

/** Relationship tables first: a node table cannot be dropped while edges or indexes refer to it. */
export function dropStatements(existing: ReadonlySet<string>): string[] {
  return [...Object.keys(REL_TABLES), ...Object.keys(NODE_TABLES)]
    .filter((name) => existing.has(name))
    .map((name) => `DROP TABLE ${name}`);
}
