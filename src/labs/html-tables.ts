// A report given as raw HTML (a vision model's transcription of a photo in a "```html" block, a portal's page
// source pasted whole): the results are table rows ('<tr><td>Hemoglobina</td><td><strong>11,4</strong></td>
// <td>g/dL</td><td>Homens: 13,5 a 17,5<br>Mulheres: 12,0 a 15,5</td></tr>'), the header's fields paragraphs
// ('<p>Paciente: <strong>…</strong> &nbsp;|&nbsp; Sexo: Feminino<br>'). Read as printed, tags and entities
// make every row one unreadable piece ("&lt; 0,30" is no value). So before anything is read, each line is
// put back as the text it shows: a table row as its cells after column gaps, on the line where the row
// opens (a row written over several lines leaves its other lines empty), a title cell spanning the table
// ('<th colspan="4">HEMOGRAMA COMPLETO</th>') as the title it is, each head row of a two-row header as the
// column heads it prints; tags are no text, entities the characters they stand for. A "<br>" inside a
// cell parts two texts printed one over the other (the male and the female range): each is read as a cell
// of its own, after a column gap, as a range table's cells printed across are. Any other line is its text
// without tags, a line break, a paragraph's bounds or a run of spaces parting its pieces by a column gap; a line
// of tags only, or a code block's fence, is empty. Only a text with a table cell's
// tag is touched; the lines keep their printed text for unparsed_lines.
import { matchesOf } from '../text/matches.ts';

const NAMED: Record<string, string> = {
  nbsp: ' ',
  lt: '<',
  gt: '>',
  le: '≤',
  ge: '≥',
  amp: '&',
  quot: '"',
  apos: "'",
  deg: '°',
  ordm: 'º',
  ordf: 'ª',
  micro: 'µ',
  mu: 'µ',
  plusmn: '±',
  sup2: '²',
  sup3: '³',
  middot: '·',
  ndash: '–',
  mdash: '—',
  times: '×',
  uarr: '↑',
  darr: '↓',
};

/** A text with its HTML entities as the characters they stand for; an unknown one stays as printed. */
function decoded(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

const TAG = /<\/?[a-z][a-z0-9]*\b(?:[^>"']|"[^"]*"|'[^']*')*\/?>|<!--[\s\S]*?-->/gi;
const HAS_TAG = new RegExp(TAG.source, 'i');
const BREAK = /<br\s*\/?>/gi;
const CELL_OPEN = /<t[dh]\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const GAP = '   ';

/** A piece of HTML as the text it shows on one line: tags no text, entities decoded, spaces collapsed. */
function shown(html: string): string {
  return decoded(html.replace(BREAK, ' ').replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}

// Outside a table, a line break or a paragraph's bounds ('<br>', '</p>') part two texts as a column gap does: an
// address line and what follows its "<br>" are two pieces, not one run-on sentence the reader cannot cut. So are
// texts the line prints apart by a run of spaces (entities such as "&nbsp;" collapse within a piece).
const BLOCK_BOUND = /<\/?(?:br|p|div|li|h[1-6]|hr)\b(?:[^>"']|"[^"]*"|'[^']*')*\/?>|[ \t]{2,}/gi;

/** A line outside a table row as the text it shows, its pieces apart by a column gap. */
function lineShown(html: string): string {
  return html
    .split(BLOCK_BOUND)
    .map((p) => shown(p))
    .filter((p) => p !== '')
    .join(GAP);
}

/** A table row's cells as the text they show; a "<br>" inside one parts it in cells of its own. */
function rowText(html: string): string {
  const opens = matchesOf(CELL_OPEN, html);
  const cells: string[] = [];
  for (let k = 0; k < opens.length; k++) {
    const from = opens[k]!.index! + opens[k]![0].length;
    const to = k + 1 < opens.length ? opens[k + 1]!.index! : html.length;
    const parts = html
      .slice(from, to)
      .split(BREAK)
      .map((p) => shown(p))
      .filter((p) => p !== '');
    cells.push(parts.join(GAP));
  }
  // Trailing empty cells are no text; an empty cell between two others stays a gap.
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.join(GAP);
}

const HAS_CELL = /<t[dh]\b[^>]*>/i;
const ROW_OPEN = /<tr\b[^>]*>/i;
const ROW_CLOSE = /<\/tr\s*>/i;

/** The lines of a text given as raw HTML with table cells, as the text they show; any other text as it is. */
export function htmlTablesAsRows(raws: string[]): string[] {
  if (!raws.some((r) => HAS_CELL.test(r)) || !raws.some((r) => /<\/t[dh]\s*>|<tr\b/i.test(r))) return raws;
  const out = [...raws];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    if (/^\s*```[\w-]*\s*$/.test(raw)) {
      out[i] = '';
      continue;
    }
    if (ROW_OPEN.test(raw) || HAS_CELL.test(raw)) {
      // A row opened on this line and closed on a later one is read whole here; its other lines are empty.
      let html = raw;
      let j = i;
      if (ROW_OPEN.test(raw) && !ROW_CLOSE.test(raw.slice(raw.search(ROW_OPEN)))) {
        while (j + 1 < raws.length && !ROW_CLOSE.test(raws[j]!) && !ROW_OPEN.test(raws[j + 1]!)) {
          j++;
          html += `\n${raws[j]}`;
          out[j] = '';
        }
      }
      if (HAS_CELL.test(html)) {
        const before = lineShown(html.slice(0, html.search(HAS_CELL)));
        const row = rowText(html);
        out[i] = before === '' ? row : `${before}${GAP}${row}`;
        i = j;
        continue;
      }
    }
    if (HAS_TAG.test(raw) || /&(?:#x?[0-9a-f]+|[a-z][a-z0-9]+);/i.test(raw)) out[i] = lineShown(raw);
  }
  return out;
}
