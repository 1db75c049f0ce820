/**
 * A word as a POSIX shell reads it back unchanged: left alone when it holds only safe characters,
 * else in single quotes (a single quote inside as '\'').
 * @example shellQuote('out/bài viết.deepl.en.txt') === "'out/bài viết.deepl.en.txt'"
 */
export function shellQuote(word: string): string {
  if (/^[\p{L}\p{M}\p{N}_./:=@%+,-]+$/u.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
