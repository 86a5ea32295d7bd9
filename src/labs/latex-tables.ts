// A report given as LaTeX tables (a vision model asked to "keep the columns aligned" answers with
// '\begin{tabular}{|l|r|l|l|}' … '\end{tabular}' to paste into Overleaf; seen in held-out set 156, h1533). Each
// row is 'Hemoglobina & \textbf{10,9} & g/dL & 12,0 a 15,5 \\': its cells part at an unescaped '&', it ends at
// '\\', a rule ('\hline', '\toprule', '\cline{2-3}') is a line of its own, and the cells hold markup: bold or
// italic marks a value out of range ('\textbf{…}'), a unit is in math mode ('$10^6/\mu L$', '$\mu g/dL$'), a
// percent sign is escaped ('\%'), a bound is a math comparison ('$> 3,9$', '$\leq 5$'), '--' is an empty cell's
// dash, and '\newline' parts two texts printed one over the other in a cell (the male and the female range).
// Read as printed, no row is a row: every piece is glued to an '&' and a backslash. So before anything is read,
// each line of a tabular is put back as the text it shows: a row as its cells after column gaps, on the line
// where it starts (a row written over several lines leaves its other lines empty), a '\newline' as a column
// gap as a '<br>' in an HTML cell is (html-tables.ts); the environment's bounds, its rules and a spacing
// command alone on its line ('\vspace{2mm}', '\centering') are empty. Only a text with a tabular environment is
// touched, and only its tabular lines and lines of spacing commands; the lines keep their printed text for
// unparsed_lines.

const GAP = '   ';

// The environments a table is written in: tabular, tabular*, tabularx, tabulary, longtable, array.
const ENV = '(?:tabular[*xy]?|longtable|array)';
const BEGIN = new RegExp(`\\\\begin\\{${ENV}\\}`);
const END = new RegExp(`\\\\end\\{${ENV}\\}`);

/** The length of a balanced {…} group opening at `at` (s[at] === '{'), or -1 when it does not close. */
function groupEnd(s: string, at: number): number {
  let depth = 0;
  for (let k = at; k < s.length; k++) {
    const c = s[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k;
  }
  return -1;
}

/** A line after its leading '\begin{tabular}{spec}' (with its optional '[t]' and width arguments), or as it is. */
function afterBegin(s: string): string {
  const m = BEGIN.exec(s);
  if (!m) return s;
  let at = m.index + m[0].length;
  // Optional position '[t]', then one or two brace arguments (a width for tabular*/tabularx, then the column spec).
  const opt = /^\s*\[[^\]]*\]/.exec(s.slice(at));
  if (opt) at += opt[0].length;
  for (let n = 0; n < 2; n++) {
    const rest = s.slice(at);
    const lead = rest.length - rest.trimStart().length;
    if (rest.trimStart()[0] !== '{') break;
    const end = groupEnd(s, at + lead);
    if (end < 0) break;
    const arg = s.slice(at + lead + 1, end);
    at = end + 1;
    // The column spec is the last argument: letters, bars, '@{}', 'p{5cm}'… A width ('\textwidth', '16cm') is
    // followed by the spec.
    if (/^[|lcrpmbXLCRSJ@<>{}\s\d.a-z*!\\]*$/i.test(arg) && !/^\s*[\d.]+\s*(?:cm|mm|in|pt|em)\s*$|\\(?:text|line|column)width/.test(arg)) break;
  }
  return s.slice(at);
}

// Math-mode and text-mode symbols a cell prints, as the characters they stand for.
const SYMBOLS: Record<string, string> = {
  mu: 'µ',
  micro: 'µ',
  textmu: 'µ',
  upmu: 'µ',
  leq: '≤',
  le: '≤',
  leqslant: '≤',
  geq: '≥',
  ge: '≥',
  geqslant: '≥',
  lt: '<',
  gt: '>',
  textless: '<',
  textgreater: '>',
  times: '×',
  cdot: '·',
  pm: '±',
  textpm: '±',
  sim: '~',
  approx: '≈',
  textasciitilde: '~',
  degree: '°',
  textdegree: '°',
  circ: '°',
  uparrow: '↑',
  downarrow: '↓',
  rightarrow: '→',
  to: '→',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  textendash: '–',
  textemdash: '—',
  ldots: '...',
  dots: '...',
  textbar: '|',
};
const SUPERSCRIPT: Record<string, string> = { '2': '²', '3': '³' };

/** A cell's LaTeX as the text it shows on one line; a '\newline' (or '\\' inside a cell's braces) parts it by a column gap. */
export function latexShown(tex: string): string {
  let s = tex;
  // Comments run to the line's end; an escaped '%' is a percent sign.
  s = s.replace(/(^|[^\\])%.*$/gm, '$1');
  // A line break inside a cell (a '\newline', a '\linebreak', a '\par') parts two texts printed one over the other.
  s = s.replace(/\\(?:newline|linebreak|par)\b\s*|\\\\(?:\[[^\]]*\])?/g, '\uE000');
  // Commands whose argument is the text they show: '\textbf{10,9}', '\multicolumn{2}{c}{HEMOGRAMA}', '\mathrm{g/dL}'.
  for (let k = 0; k < 4 && /\\[a-zA-Z]+\*?\s*(?:\[[^\]]*\])?\s*\{/.test(s); k++) {
    s = s.replace(/\\multi(?:column|row)\{[^{}]*\}\{[^{}]*\}\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1');
    s = s.replace(/\\(?:makecell|shortstack)(?:\[[^\]]*\])?\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1');
    s = s.replace(/\\(?:cellcolor|rowcolor|color|colorbox)(?:\[[^\]]*\])?\{[^{}]*\}/g, '');
    s = s.replace(
      /\\(?:text(?:bf|it|rm|sf|tt|up|sc|normal|md)?|emph|underline|mathrm|mathbf|mathit|mathsf|operatorname|mbox|hbox|boldsymbol|bm|ce|si|unit)\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g,
      '$1',
    );
    s = s.replace(/\\(?:textsuperscript)\s*\{([^{}]*)\}/g, (_m, t: string) => SUPERSCRIPT[t] ?? `^${t}`);
    s = s.replace(/\\(?:textsubscript)\s*\{([^{}]*)\}/g, '$1');
  }
  // Font switches and spacing have no text: '{\bf 10,9}', '\small', '\hfill', '\,', '\ '.
  s = s.replace(
    /\\(?:bf|it|rm|sf|tt|em|bfseries|itshape|normalfont|small|footnotesize|scriptsize|tiny|large|Large|centering|raggedright|raggedleft|hfill|quad|qquad|noindent|strut)\b\s*/g,
    '',
  );
  s = s.replace(/\\(?:hspace|vspace)\*?\{[^{}]*\}/g, ' ');
  s = s.replace(/\\[,;:! ]/g, ' ');
  s = s.replace(/~/g, ' ');
  // Escaped characters print as themselves.
  s = s.replace(/\\([%&#_$])/g, (_m, c: string) => (c === '$' ? '\uE001' : c));
  // Named symbols ('\mu', '\leq', '\times').
  s = s.replace(/\\([a-zA-Z]+)\b\s*/g, (m, name: string) => {
    const sym = SYMBOLS[name];
    return sym === undefined ? m : sym;
  });
  // Powers and indices: '10^6' stays as printed (units read it so), '10^{3}' as '10^3', 'mm^2' as 'mm²'.
  s = s.replace(/\^\{([^{}]*)\}/g, '^$1');
  s = s.replace(/([a-zA-Zµ])\^([23])(?![\d])/g, (_m, b: string, p: string) => `${b}${SUPERSCRIPT[p]}`);
  s = s.replace(/_\{([^{}]*)\}/g, '$1');
  // Math shifts and leftover grouping braces are no text.
  s = s.replace(/\$/g, '').replace(/\\[()[\]]/g, '');
  s = s.replace(/[{}]/g, '');
  // A dash pair or triple is a dash ('--' an empty cell's, '---' an em dash).
  s = s.replace(/---/g, '—').replace(/--/g, '–');
  s = s.replace(/\uE001/g, '$');
  return s
    .split('\uE000')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join(GAP);
}

/** A row's text cut in its cells at each '&' not escaped and not inside braces. */
function cellsOf(row: string): string[] {
  const cells: string[] = [];
  let depth = 0;
  let from = 0;
  for (let k = 0; k < row.length; k++) {
    const c = row[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '&' && depth === 0) {
      cells.push(row.slice(from, k));
      from = k + 1;
    }
  }
  cells.push(row.slice(from));
  return cells;
}

// A rule or a layout command alone on its line (in or out of a table) prints no text.
const RULE =
  /\\(?:hline|toprule|midrule|bottomrule|specialrule\{[^{}]*\}\{[^{}]*\}\{[^{}]*\}|cline\{[^{}]*\}|cmidrule(?:\([^)]*\))?\{[^{}]*\}|hhline\{[^{}]*\}|endhead|endfirsthead|endfoot|endlastfoot|noalign\{[^{}]*\})/g;
const LAYOUT_ONLY =
  /^\s*(?:\\(?:vspace|hspace|addvspace|vskip|smallskip|medskip|bigskip|centering|noindent|newpage|clearpage|pagebreak|small|footnotesize|normalsize|begin\{(?:table|center|adjustbox|small|footnotesize)\}(?:\[[^\]]*\]|\{[^{}]*\})*|end\{(?:table|center|adjustbox|small|footnotesize)\}|renewcommand\{\\arraystretch\}\{[^{}]*\}|setlength\{[^{}]*\}\{[^{}]*\}|label\{[^{}]*\})\*?(?:\{[^{}]*\})?\s*)+$/;

/** Whether a row's text ends at its row end '\\' (after which only a rule or an optional skip may follow). */
function endsRow(s: string): boolean {
  return /\\\\(?:\s*\[[^\]]*\])?\s*$/.test(s.replace(RULE, '').trimEnd());
}

/** A row's text without its row end and rules, as the cells it shows after column gaps. */
function rowShown(row: string): string {
  const body = row
    .replace(RULE, ' ')
    .replace(/\\\\(?:\s*\[[^\]]*\])?\s*$/, '')
    .trim();
  if (body === '') return '';
  const cells = cellsOf(body).map((c) => latexShown(c));
  // Trailing empty cells are no text; an empty cell between two others stays a gap.
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.join(GAP);
}

/** The lines of a text with LaTeX tables, each tabular line as the text it shows; any other text as it is. */
export function latexTablesAsRows(raws: string[]): string[] {
  if (!raws.some((r) => BEGIN.test(r)) || !raws.some((r) => END.test(r))) return raws;
  const out = [...raws];
  let inTable = false;
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    if (!inTable) {
      if (BEGIN.test(raw)) {
        inTable = true;
        const before = latexShown(raw.slice(0, raw.search(BEGIN)));
        const rest = afterBegin(raw);
        // Rows printed on the same line as the environment's start are read on it.
        out[i] = [before, rowShown(rest.replace(END, ''))].filter((p) => p !== '').join(GAP);
        if (END.test(rest)) inTable = false;
      } else if (LAYOUT_ONLY.test(raw)) out[i] = '';
      else if (/^\s*\\caption\s*\{/.test(raw)) out[i] = latexShown(raw.replace(/^\s*\\caption/, ''));
      continue;
    }
    if (END.test(raw)) {
      inTable = false;
      const at = raw.search(END);
      out[i] = [rowShown(raw.slice(0, at)), latexShown(raw.slice(at).replace(END, ''))].filter((p) => p !== '').join(GAP);
      continue;
    }
    // Text typed after a rule in columns of spaces, no cell separator ('\hline   Anti-HCV   REAGENTE'): LaTeX would
    // start the next row with it, yet spaces part no LaTeX cells, so it was typed to be read as printed. A line of its
    // own, each part set apart: joined to the next row (the header, h1533) its words would be one cell's.
    const afterRule = raw.replace(RULE, ' ');
    if (afterRule !== raw && !endsRow(raw) && !/(?<!\\)&/.test(afterRule) && /\S\s{2,}\S/.test(afterRule.trim())) {
      out[i] = afterRule
        .trim()
        .split(/\s{2,}/)
        .map((p) => latexShown(p))
        .filter((p) => p !== '')
        .join(GAP);
      continue;
    }
    // A row written over several lines is read whole where it starts; its other lines are empty.
    let row = raw;
    let j = i;
    while (!endsRow(row) && row.replace(RULE, '').trim() !== '' && j + 1 < raws.length && !END.test(raws[j + 1]!)) {
      j++;
      row += ` ${raws[j]}`;
      out[j] = '';
    }
    out[i] = rowShown(row);
    i = j;
  }
  return out;
}
