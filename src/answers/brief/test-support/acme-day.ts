import type { EventEnvelope } from '../../../domain/events.js';
import { channel, entity, link, person } from './brief-builders.js';
import { acmeAsks } from './acme-asks.js';
import { K } from './acme-keys.js';
import { acmeRecord } from './acme-record.js';

export { K, NOW, TZ } from './acme-keys.js';

/** Priya's morning as events: who is who, then what waits on her (acme-asks.ts), then what happened (acme-record.ts). */
export function acmeDay(): EventEnvelope[] {
  return [
    person('slack', 'T1', 'U1', ['Priya Nair'], { handles: ['priya'], emails: ['priya@acme.io'] }),
    person('discord', 'G1', '111', ['pj_dev'], { handles: ['pj_dev'], emails: ['priya@acme.io'] }),
    person('slack', 'T1', 'U2', ['Dana Kim'], { handles: ['dana'], emails: ['dana@acme.io'] }),
    person('discord', 'G1', '222', ['Sam Ortiz'], { handles: ['sam_o'] }),
    person('slack', 'T1', 'B1', ['deploybot'], { isBot: true }),
    link(K.priyaDiscord, K.priyaSlack, 'priya@acme.io'),
    channel('slack', 'T1', 'C1', 'billing'),
    channel('discord', 'G1', 'D1', 'dev'),
    entity('component:billing', 'billing service'),
    entity('component:search', 'search'),
    ...acmeAsks(),
    ...acmeRecord(),
  ];
}
