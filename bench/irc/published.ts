/** Published test-set results (Kummerfeld et al., ACL 2019, Tables 3–4), in percent. */
export interface PublishedRow {
  system: string;
  linkF?: number;
  vi?: number;
  oneToOne?: number;
  convF?: number;
}

export const PUBLISHED_TEST: readonly PublishedRow[] = [
  { system: 'previous message', linkF: 35.0, vi: 66.1, oneToOne: 27.6, convF: 0.0 },
  { system: 'Elsner & Charniak 2008', vi: 82.1, oneToOne: 51.4, convF: 15.5 },
  { system: 'linear model', linkF: 63.5, vi: 88.9, oneToOne: 69.5, convF: 21.8 },
  { system: 'feed-forward model', linkF: 72.3, vi: 91.3, oneToOne: 75.6, convF: 36.2 },
  { system: 'ten-model vote', linkF: 73.5, vi: 91.5, oneToOne: 76.0, convF: 38.0 },
  { system: 'human agreement', vi: 95.0, oneToOne: 83.8, convF: 49.5 },
];
