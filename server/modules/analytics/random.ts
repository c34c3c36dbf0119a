import type { Random } from '../../../common/seeded-random.js';

export { seededRandom, type Random } from '../../../common/seeded-random.js';

/** Fisher–Yates shuffle in place. */
export function shuffle<A extends { length: number; [index: number]: number }>(items: A, random: Random): A {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = items[i]!;
    items[i] = items[j]!;
    items[j] = swap;
  }
  return items;
}
