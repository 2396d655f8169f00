import { singleUnit } from '../../src/pipeline/annotate/units/split-units.js';
import type { Example } from './example.js';

/** People and companies named in fixtures/dialogue-acts. */
const WRITTEN = {
  people: (
    'Bo Uma Quinn Kenji Ximena Carmen Efua Mateo Thandiwe Farid Pradeep Ines Oksana Soren Yusuf Gianna Jakub Dmitri ' +
    'Hyun-woo Viktor Rosa Leilani Nkechi Aisha Alex Kim Patel Okafor Alvarez Baker'
  ).split(' '),
  companies: 'Henderson Brightline Acme'.split(' '),
};

/** Names to put in their place; none of them is a name in fixtures/workspace or fixtures/holdout. */
const POOL = {
  people: (
    'Adaeze Ahmed Akira Alba Ana Anders Anjali Arjun Astrid Beatriz Bilal Camille Chen Chiara Cormac Daniela Darius ' +
    'Deepa Diego Eitan Elif Emeka Emil Esra Fatima Felix Freya Gabriel Greta Hamid Hana Hannah Ibrahim Ida Ingrid Isaac ' +
    'Ivan Jamal Jana Javier Jin Joon Julia Kai Kaito Kamala Karim Katya Kwame Lars Laila Lucia Magnus Mai Malik Maren ' +
    'Maya Mehmet Mei Mira Nadim Naomi Niamh Nico Nils Obi Olu Omar Paula Petra Pia Rafael Rahul Rania Reza Rin Rui ' +
    'Saanvi Salma Santiago Sara Sefa Sina Sipho Sven Tariq Tenzin Teresa Theo Tunde Valentina Vera Vikram Wanjiru ' +
    'Xavier Yara Yuki Yosef Zainab Zeynep Zoltan'
  ).split(' '),
  companies:
    'Northwind Bluefin Halcyon Peakline Tidewater Copperleaf Fieldstone Ironbridge Kestrel Oakmont Clearwater Marlow'.split(
      ' ',
    ),
};

const PATTERN = new RegExp(
  `(?<![\\p{L}])(${[...WRITTEN.people, ...WRITTEN.companies].join('|')})(?![\\p{L}])`,
  'giu',
);
const COMPANIES = new Set(WRITTEN.companies.map((name) => name.toLowerCase()));

/**
 * Each written unit that names someone, once more with other names. With the few names we wrote,
 * the model would learn that "Kenji" owns things and an unseen "Marco" does not; spread over many
 * names, a name's letters stop voting for an act.
 */
export function nameVariants(examples: readonly Example[], random: () => number): Example[] {
  const out: Example[] = [...examples];
  for (const example of examples) {
    if (!PATTERN.test(example.unit.text)) continue;
    PATTERN.lastIndex = 0;
    const chosen = new Map<string, string>();
    const text = example.unit.text.replace(PATTERN, (found: string) => {
      const key = found.toLowerCase();
      if (!chosen.has(key)) {
        const pool = COMPANIES.has(key) ? POOL.companies : POOL.people;
        chosen.set(key, pool[Math.floor(random() * pool.length)]);
      }
      const name = chosen.get(key) as string;
      return found === found.toLowerCase() ? name.toLowerCase() : name;
    });
    const unit = singleUnit(text);
    if (!unit) continue;
    out.push({
      ...example,
      unit: {
        ...unit,
        index: example.unit.index,
        listIndex: example.unit.listIndex,
        quoted: example.unit.quoted,
      },
      where: `${example.where} (names)`,
    });
  }
  return out;
}
