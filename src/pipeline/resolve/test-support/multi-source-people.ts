import type { PersonUpdated } from '../../../domain/person.js';
import { person } from './person-record.js';

/**
 * A small multi-source workspace (Slack, Discord, Teams, calendar) written the way real exports
 * name people: decorated Discord nicknames, handles that spell names, Teams "Last, First" and
 * "(External)", quoted nicknames, accents. Invented people. `truth` says which human each
 * identity is; bots are left out of it (they are never anyone).
 */

const slack = (id: string, names: string[], handle: string, email?: string): PersonUpdated =>
  person(`slack:T1:${id}`, [...names, handle], {
    handles: [handle],
    emails: email === undefined ? [] : [email],
  });
const discord = (id: string, nickname: string | undefined, handle: string): PersonUpdated =>
  person(`discord:global:${id}`, nickname === undefined ? [handle] : [nickname, handle], {
    handles: [handle],
  });
const teams = (id: string, displayName: string): PersonUpdated => person(`teams:aad:${id}`, [displayName]);
const calendar = (email: string, name: string): PersonUpdated =>
  person(`calendar:email:${email}`, [name], { emails: [email] });

export const MULTI_SOURCE: Array<{ truth: string | undefined; profile: PersonUpdated }> = [
  { truth: 'teresa', profile: slack('U01', ['Tess', 'Teresa Okoro'], 'tess.okoro', 'tess@acme.io') },
  { truth: 'teresa', profile: discord('d01', 'Tess | Acme', 'tokoro') },
  { truth: 'teresa', profile: teams('t01', 'Okoro, Teresa') },
  { truth: 'teresa', profile: calendar('tess@acme.io', 'Teresa Okoro') },

  { truth: 'lou', profile: slack('U02', ['Lou', 'Lou Ferreira'], 'lou', 'lou@acme.io') },
  { truth: 'lou', profile: discord('d02', 'Lou (Acme Support)', 'lou_acme') },
  { truth: 'lou', profile: teams('t02', 'Luís "Lou" Ferreira') },

  { truth: 'maria', profile: discord('d03', 'Maria @ Cedar Valley', 'mdelgado.cvt') },
  { truth: 'maria', profile: calendar('maria.delgado@cedarvalley.com', 'Maria Delgado') },
  { truth: 'maria', profile: teams('t03', 'Maria Delgado (External)') },

  { truth: 'ines', profile: discord('d04', 'Inês – Serra Alta', 'ines_c') },
  { truth: 'ines', profile: calendar('ines@serra-alta.pt', 'Ines Carvalho') },
  { truth: 'ines', profile: teams('t04', 'Carvalho, Inês') },

  { truth: 'yun', profile: slack('U05', ['Yun Li'], 'yun', 'yun.li@acme.io') },
  { truth: 'yun', profile: discord('d05', 'Yun (Acme)', 'yunli_dev') },

  { truth: 'priya', profile: slack('U06', ['Priya Kumar'], 'priya', 'priya@acme.io') },
  { truth: 'priya', profile: discord('d06', 'Priya K', 'priya.k') },
  { truth: 'priya', profile: calendar('priya@acme.io', 'Priya Kumar') },

  { truth: 'leila', profile: slack('U07', ['Leila', 'Leila Moreau'], 'leila', 'leila@acme.io') },
  { truth: 'leila', profile: discord('d07', 'Leila (Acme)', 'leilamoreau') },
  { truth: 'leila', profile: teams('t07', 'Leila Moreau (External)') },

  { truth: 'hana', profile: slack('U08', ['Hana Kobayashi'], 'hana') },
  { truth: 'hana', profile: discord('d08', undefined, 'hana.k') },

  // Two Alexes at Acme: a Discord "Alex | Acme" with an opaque handle could be either, so it stays apart.
  { truth: 'alex-kim', profile: slack('U09', ['Alex', 'Alex Kim'], 'alex.kim', 'alex.kim@acme.io') },
  { truth: 'alex-kim', profile: discord('d09', 'Alex | Acme', 'lexi99') },
  {
    truth: 'alex-moreno',
    profile: slack('U10', ['Alex M', 'Alex Moreno'], 'amoreno', 'alex.moreno@acme.io'),
  },
  { truth: 'alex-moreno', profile: teams('t10', 'Moreno, Alex') },

  // Sam Lee (Acme) and Sam Li (Serra Alta) are two people.
  { truth: 'sam-lee', profile: slack('U11', ['Sam Lee'], 'sam', 'sam.lee@acme.io') },
  { truth: 'sam-li', profile: teams('t12', 'Sam Li (Guest)') },
  { truth: 'sam-li', profile: calendar('sam.li@serra-alta.pt', 'Sam Li') },

  { truth: 'dana', profile: slack('U13', ['Dana', 'Dana Whitfield'], 'dana.w', 'dana@acme.io') },
  { truth: 'dana', profile: calendar('dana@acme.io', 'Dana Whitfield') },

  { truth: 'support', profile: discord('d14', 'Support | Acme', 'acme_support') },

  { truth: 'marco', profile: discord('d15', 'Marco – Globex', 'mrossi') },
  { truth: 'marco', profile: calendar('marco@globex.com', 'Marco Rossi') },

  { truth: undefined, profile: person('slack:T1:B01', ['Jira'], { isBot: true }) },
  { truth: undefined, profile: person('discord:global:b02', ['Jira'], { handles: ['Jira'], isBot: true }) },
];
