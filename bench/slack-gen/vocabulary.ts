/** Word lists the generator draws from: names, channels, work-chat vocabulary. */

export const FIRST_NAMES = [
  'Ada', 'Ben', 'Chloe', 'Dana', 'Elif', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kaito', 'Lena', 'Marco', 'Nadia', 'Omar',
  'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Xavier', 'Yara', 'Zoe', 'Aleksei', 'Bianca', 'Chidi',
  'Dmitri', 'Emma', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Leila', 'Mateo', 'Noor', 'Olga', 'Pablo', 'Rahul',
  'Sofia', 'Tomás', 'Ulla', 'Vera', 'Wojtek', 'Yusuf', 'Zanele', 'José', 'Mélanie', 'Søren', 'Björn', 'Anaïs', 'Łukasz',
];

export const LAST_NAMES = [
  'Okafor', 'Lindqvist', 'Moreau', 'Nakamura', 'Kowalski', 'Haddad', 'Fernández', 'Schmidt', 'Rossi', 'Chen', 'Patel', 'Novak',
  'Ivanova', 'Dubois', 'García', 'Müller', 'Kim', 'Singh', 'Yilmaz', 'Andersen', 'Costa', 'Mensah', 'Tanaka', 'Oliveira',
  'Kaur', 'Nguyen', 'Petrov', 'Jansen', 'Walsh', 'Brennan', 'Abebe', 'Cohen', 'Silva', 'Larsen', 'Horvat', 'Duarte',
];

export const TITLES = ['Engineer', 'Senior Engineer', 'Staff Engineer', 'Engineering Manager', 'Product Manager', 'Designer', 'SRE', 'Data Scientist', 'Support Lead', 'QA Engineer', 'CTO', ''];

export const TIMEZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'America/Sao_Paulo', 'Africa/Lagos', 'Australia/Sydney'];

export const PUBLIC_CHANNELS = [
  'general', 'random', 'eng-backend', 'eng-frontend', 'billing', 'payments', 'incidents', 'deploys', 'design', 'product',
  'support', 'data', 'mobile', 'infra', 'security', 'hiring', 'announcements', 'qa', 'growth', 'search', 'platform',
  'api', 'docs', 'perf', 'ml', 'sales-eng', 'oncall', 'release', 'ux-research', 'observability',
];

export const PRIVATE_CHANNELS = ['leads', 'sec-incident', 'comp-review', 'offsite-planning', 'board-prep', 'reorg', 'vendor-eval', 'legal'];

export const WORDS = [
  'deploy', 'billing', 'service', 'migration', 'review', 'PR', 'merge', 'branch', 'release', 'rollback', 'latency', 'p99',
  'dashboard', 'alert', 'incident', 'postmortem', 'customer', 'ticket', 'bug', 'fix', 'test', 'flaky', 'CI', 'pipeline',
  'schema', 'database', 'index', 'query', 'cache', 'redis', 'queue', 'worker', 'cron', 'API', 'endpoint', 'auth', 'token',
  'login', 'checkout', 'invoice', 'refund', 'Stripe', 'webhook', 'retry', 'timeout', 'config', 'feature', 'flag', 'rollout',
  'experiment', 'metrics', 'spec', 'design', 'mockup', 'copy', 'roadmap', 'sprint', 'standup', 'retro', 'planning', 'estimate',
  'owner', 'owns', 'blocked', 'unblocked', 'waiting', 'approve', 'approval', 'sign-off', 'decide', 'decided', 'agreed',
  'let\'s', 'we', 'should', 'could', 'need', 'to', 'the', 'a', 'on', 'for', 'by', 'before', 'after', 'today', 'tomorrow',
  'Friday', 'Monday', 'EOD', 'next', 'week', 'this', 'that', 'it', 'is', 'was', 'will', 'can', 'you', 'I', 'they', 'please',
  'thanks', 'ok', 'sounds', 'good', 'done', 'shipped', 'merged', 'looks', 'fine', 'weird', 'broken', 'again', 'still', 'maybe',
  'probably', 'definitely', 'quick', 'question', 'about', 'with', 'from', 'and', 'but', 'or', 'if', 'not', 'yet', 'already',
  'staging', 'prod', 'canary', 'k8s', 'pod', 'node', 'memory', 'CPU', 'disk', 'logs', 'trace', 'span', 'error', 'rate',
  'budget', 'SLO', 'on-call', 'page', 'handover', 'docs', 'README', 'runbook', 'draft', 'doc', 'RFC', 'proposal', 'v2',
];

export const CLOSERS = ['?', '.', '!', '', ' 🙏', ' :+1:', '...', ' — thoughts?', ' (cc team)'];

export const EMOJIS = ['+1', 'eyes', 'white_check_mark', 'tada', 'heart', 'joy', 'rocket', 'pray', 'fire', 'thinking_face', '100', 'raised_hands', 'ship'];

export const BOTS = [
  { id: 'B0GENGH01', app: 'A0GENGH01', name: 'GitHub', kind: 'github' },
  { id: 'B0GENPD02', app: 'A0GENPD02', name: 'PagerDuty', kind: 'pagerduty' },
  { id: 'B0GENJR03', app: 'A0GENJR03', name: 'Jira Cloud', kind: 'jira' },
  { id: 'B0GENCI04', app: 'A0GENCI04', name: 'Deploy Bot', kind: 'ci' },
] as const;

export const REPOS = ['billing-svc', 'web-app', 'api-gateway', 'infra', 'mobile', 'search', 'payments-core', 'docs'];

export const FILES = [
  { ext: 'png', mimetype: 'image/png', filetype: 'png', pretty: 'PNG', title: 'screenshot' },
  { ext: 'pdf', mimetype: 'application/pdf', filetype: 'pdf', pretty: 'PDF', title: 'spec' },
  { ext: 'csv', mimetype: 'text/csv', filetype: 'csv', pretty: 'CSV', title: 'export' },
  { ext: 'txt', mimetype: 'text/plain', filetype: 'text', pretty: 'Plain Text', title: 'logs' },
  { ext: 'jpg', mimetype: 'image/jpeg', filetype: 'jpg', pretty: 'JPEG', title: 'whiteboard' },
] as const;

export const LINK_HOSTS = ['https://github.com/acme', 'https://acme.atlassian.net/browse', 'https://docs.google.com/document/d', 'https://grafana.acme.io/d', 'https://status.acme.io'];
