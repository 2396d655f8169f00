/** Words that make a noun phrase a component ("the billing service", "auth-api", "the SDK"). */
export const COMPONENT_HEADS = ['service', 'svc', 'api', 'indexer', 'index', 'pipeline', 'sdk', 'worker', 'dashboard', 'app', 'frontend', 'backend', 'database', 'db', 'queue', 'cron', 'client', 'library', 'lib', 'repo', 'module', 'platform'];

/** Trailing words dropped when normalizing a component name ("billing svc" → "billing"). */
export const GENERIC_SUFFIXES = ['service', 'svc', 'system', 'component', 'project', 'codebase', 'stuff', 'things', 'thing', 'side', 'work', 'land', 'code', 'channel', 'migration', 'db', 'database', 'weirdness', 'stuff', 'issues', 'bugs'];

/** Leading words dropped ("the billing service", "our SDK"). */
export const LEADING_WORDS = ['the', 'our', 'a', 'an', 'this', 'that', 'new', 'old', 'whole', 'all', 'anything', 'everything', 'any', 'for', 'of', 'to', 'in', 'on', 'with', 'from', 'at', 'by', 'about', 'is', 'and', 'up', 'current'];

/** Never an entity on their own. */
export const NOT_ENTITIES = new Set(['it', 'this', 'that', 'them', 'things', 'stuff', 'everything', 'anything', 'something', 'me', 'you', 'him', 'her', 'us', 'mine', 'yours', 'one', 'lot', 'way', 'team', 'call', 'rest', 'code', 'week', 'today', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'here', 'there', 'now']);

/** Function words: a discovered phrase keeps only the words after the last of these ("until the queue" → "queue"). */
export const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'to', 'for', 'of', 'in', 'on', 'at', 'by', 'with', 'from', 'until', 'till', 'before', 'after', 'once', 'when', 'while', 'and', 'or', 'but', 'so', 'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'my', 'your', 'our', 'their', 'his', 'her', 'new', 'old', 'stays', 'into', 'onto', 'off', 'up', 'down', 'out', 'over', 'than', 'then', 'via', 'per', 'no', 'not', 'all', 'any', 'some', 'every', 'each', 'own', 'whole', 'current', 'same', 'other', 'we', 'you', 'i', 'they', 'he', 'she', 'about', 'like', 'just', 'also', 'still', 'now', 'today', 'got', 'get', 'has', 'have', 'had', 'do', 'does', 'did', 'moving', 'move', 'moves', 'using', 'use', 'hit', 'hits', 'hammer', 'hammers']);
