// Text folding for comparison: how labels, food names, lab analytes and user messages are matched
// regardless of accents, case and spacing. Its own module because nutrition, labs, messaging and
// the handlers all use it; it belongs to none of them.

/** Lower-case, accents stripped, whitespace collapsed: how labels and descriptions are compared. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
