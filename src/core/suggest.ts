/**
 * "Did you mean" suggestions for misspelt names (config keys, glossary keys, engine names).
 * Pure functions, no imports.
 */

/**
 * The candidate closest to a misspelt `input`, if one is close enough. Case-insensitive: `input`
 * and the candidates are compared lower-cased, and the candidate is returned as given.
 * First choice: the candidate with the smallest edit distance (the earliest one on a tie), when
 * that distance is at most a third of the input's length (and at least 2 is always allowed).
 * Else: the longest candidate the input shortens or extends, both at least 3 characters long
 * (`source_lang` → `source_language`, `not_english` → `not_en`).
 * @example closestName('depl', ['deepl', 'google', 'openai']) === 'deepl'
 * @example closestName('libre', ['deepl', 'libretranslate']) === 'libretranslate'
 * @example closestName('chatgpt', ['deepl', 'google', 'openai']) === undefined
 */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (bestDistance <= Math.max(2, Math.floor(input.length / 3))) return best;
  const related = candidates.filter((c) => {
    const k = c.toLowerCase();
    return Math.min(k.length, lower.length) >= 3 && (k.startsWith(lower) || lower.startsWith(k));
  });
  return [...related].sort((a, b) => b.length - a.length)[0];
}

/**
 * Levenshtein distance (insertions, deletions, substitutions, each 1) over UTF-16 code units.
 * @example editDistance('depl', 'deepl') === 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
