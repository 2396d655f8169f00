/**
 * One realistic morning for Priya Nair (Europe/Berlin), who is `U1`/`priya` on Slack and
 * `pj_dev` on Discord (linked by email). Now is 2026-11-20 09:30 Berlin (08:30 UTC); the
 * default window is the 24 h before.
 */
export const NOW = new Date('2026-11-20T08:30:00.000Z');
export const TZ = 'Europe/Berlin';

export const K = {
  priyaSlack: 'slack:T1:U1',
  priyaDiscord: 'discord:G1:111',
  dana: 'slack:T1:U2',
  sam: 'discord:G1:222',
  bot: 'slack:T1:B1',
  billing: 'slack:T1:C1',
  dev: 'discord:G1:D1',
} as const;
