// A report sent as an .rtf attachment and opened as plain text (Notepad, a phone's text viewer): the page is
// RTF's source, its text among control words ("\pard\intbl \cf2 Hemoglobina\cf1\cell"), its accents
// Windows-1252 escapes ("Hem\'e1cias"), its table rows a "\trowd …\cellx…" line of cell widths and a line of
// cells ended by "\cell", the row by "\row". Read as printed, no line is a row: a name glued to control words,
// a value between them, the cell widths numbers of no result. So an RTF source is put back as the text it
// shows, each printed line as what it prints: control words and the font, colour, style and information
// tables (and any "{\*…}" group) are no text, an escape is its character, a table row's cells are parted
// by column gaps (an empty cell is left out), a paragraph's end or a tab parts texts as a column gap does; a
// line of control words alone is empty. Text the line prints after its control words (an added note, a
// value typed in by hand) is kept, to be read or listed. Only a text opening with "{\rtf" is touched; each
// line keeps its printed text for unparsed_lines.

// Groups whose text is not the page's: tables of fonts, colours and styles, the document's information.
const DESTINATIONS = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'generator',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'xmlnstbl',
  'mmathPr',
  'object',
  'fldinst',
]);
// A control word that ends a piece of text on its line: a paragraph, a line break, a cell, a tab.
const BREAKS = new Set(['par', 'line', 'cell', 'tab', 'row', 'sect', 'page', 'nestcell']);
const SYMBOLS: Record<string, string> = {
  emdash: '—',
  endash: '–',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  emspace: ' ',
  enspace: ' ',
};
const CP1252 = new TextDecoder('windows-1252');
const GAP = '   ';
const BREAK = '\u0000';

/** The lines of an RTF source as the text each prints; undefined for any other text. */
export function rtfAsText(raws: string[]): string[] {
  const first = raws.find((r) => r.trim() !== '');
  if (!first || !/^\s*\{\\rtf/.test(first)) return raws;
  return printedTexts(raws);
}

// Control words that only an RTF source prints: a paragraph, a table cell or row, a colour, a font size.
const RTF_LINE = /\\(?:pard|par|intbl|cell|row|trowd|cf\d+|fs\d+)(?![a-z])/;

/**
 * One line of an RTF source as the text it prints, read alone (no group opened on a line above is known); any
 * other line as it is. The accounting pass counts a result word on the source's line where a cell or a paragraph
 * sets it apart ("\pard Resultado: \cf2\b Positivo para ovos …\b0\par", h1577), as on the page it prints.
 */
export function rtfLineAsText(line: string): string {
  return RTF_LINE.test(line) ? printedTexts([line])[0]! : line;
}

function printedTexts(raws: string[]): string[] {
  const out: string[] = raws.map(() => '');
  const text = raws.join('\n');
  let line = 0;
  // Each open group: whether its text is skipped, and how many characters a "\u" escape stands in for.
  const stack: Array<{ skip: boolean; uc: number }> = [{ skip: false, uc: 1 }];
  let groupStart = false;
  let toSkip = 0;
  const top = () => stack[stack.length - 1]!;
  const emit = (s: string) => {
    if (toSkip > 0) {
      toSkip--;
      return;
    }
    if (!top().skip) out[line] += s;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === '\r') {
      i++;
      continue;
    }
    if (c === '{') {
      stack.push({ ...top() });
      groupStart = true;
      i++;
      continue;
    }
    if (c === '}') {
      if (stack.length > 1) stack.pop();
      groupStart = false;
      i++;
      continue;
    }
    const wasStart = groupStart;
    groupStart = false;
    if (c !== '\\') {
      emit(c);
      i++;
      continue;
    }
    const next = text[i + 1] ?? '';
    if (next === "'") {
      const hex = text.slice(i + 2, i + 4);
      if (/^[0-9a-f]{2}$/i.test(hex)) emit(CP1252.decode(Uint8Array.of(Number.parseInt(hex, 16))));
      i += 4;
      continue;
    }
    if (next === '*') {
      if (wasStart) top().skip = true;
      i += 2;
      continue;
    }
    if (next === '\n') {
      emit(BREAK);
      i++;
      continue;
    }
    if (!/[a-z]/i.test(next)) {
      emit(next === '~' ? ' ' : next === '_' ? '-' : next === '-' ? '' : next);
      i += 2;
      continue;
    }
    const m = /^\\([a-z]+)(-?\d+)? ?/i.exec(text.slice(i, i + 40))!;
    i += m[0].length;
    const word = m[1]!;
    if (wasStart && DESTINATIONS.has(word)) top().skip = true;
    else if (BREAKS.has(word)) emit(BREAK);
    else if (word === 'uc') top().uc = Number(m[2] ?? 1);
    else if (word === 'u') {
      const code = Number(m[2] ?? 0);
      emit(String.fromCharCode(code < 0 ? code + 65536 : code));
      toSkip = top().uc;
    } else if (SYMBOLS[word]) emit(SYMBOLS[word]);
  }
  return out.map((l) =>
    l
      .split(BREAK)
      // A run of spaces the source types inside a text is printed (RTF keeps its spaces): a note aligned by hand
      // after a row ("\row   Anti-HCV   REAGENTE", h1577) keeps its column gaps, as a plain page's would.
      .map((p) => p.replace(/\s/g, ' ').replace(/ {2,}/g, GAP).trim())
      .filter((p) => p !== '')
      .join(GAP),
  );
}
