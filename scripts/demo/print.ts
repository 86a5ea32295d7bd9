// Readable renderings of each analysis result for the terminal. The shapes are the handlers'
// documented results (docs/analyses.md); anything missing prints as "?" rather than throwing, so a
// changed result shape shows up as a visibly odd line, not a crashed demo.

type Obj = Record<string, any>;

const nf = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 });
// Lab values keep the precision the report printed (creatinina 0,98, not 1).
const labNf = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 3 });
export const num = (v: unknown, unit = '', f = nf): string => (typeof v === 'number' && Number.isFinite(v) ? `${f.format(v)}${unit}` : '?');

export function wrap(text: string, indent = '    ', width = 100): string {
  const out: string[] = [];
  for (const para of String(text).split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out.join('\n');
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function printFood(r: Obj): string {
  const lines: string[] = [];
  const foods: Obj[] = Array.isArray(r.foods) ? r.foods : [];
  if (foods.length === 0) lines.push('    (nenhum alimento reconhecido)');
  for (const f of foods) {
    lines.push(
      `    ${pad(String(f.name), 38)} ${lpad(num(f.grams, ' g'), 7)}  ${lpad(num(f.kcal, ' kcal'), 10)}   P ${num(f.protein_g, ' g')} · C ${num(f.carbs_g, ' g')} · G ${num(f.fat_g, ' g')}   (confiança ${num((f.confidence ?? NaN) * 100, '%')})`,
    );
  }
  const t: Obj = r.totals ?? {};
  lines.push(
    `    ${pad('Total', 38)} ${lpad(
      num(
        foods.reduce((s, f) => s + (f.grams ?? 0), 0),
        ' g',
      ),
      7,
    )}  ${lpad(num(t.kcal, ' kcal'), 10)}   P ${num(t.protein_g, ' g')} · C ${num(t.carbs_g, ' g')} · G ${num(t.fat_g, ' g')} · fibra ${num(t.fiber_g, ' g')} · sódio ${num(t.sodium_mg, ' mg')}`,
  );
  if (Array.isArray(t.incomplete) && t.incomplete.length) lines.push(`    (valores mínimos, TACO sem dado para: ${t.incomplete.join(', ')})`);
  if (Array.isArray(r.unmapped) && r.unmapped.length) lines.push(`    não mapeados na TACO (fora da soma): ${r.unmapped.join(', ')}`);
  if (r.comment) lines.push(wrap(`Sofia: ${r.comment}`));
  return lines.join('\n');
}

function range(a: Obj): string {
  if (a.reference_text) return String(a.reference_text);
  if (a.reference_low != null && a.reference_high != null) return `${num(a.reference_low, '', labNf)} a ${num(a.reference_high, '', labNf)}`;
  if (a.reference_low != null) return `> ${num(a.reference_low, '', labNf)}`;
  if (a.reference_high != null) return `< ${num(a.reference_high, '', labNf)}`;
  return '—';
}

const FLAG_MARK: Record<string, string> = { alto: '▲ alto', baixo: '▼ baixo', normal: '  normal', indeterminado: '? indeterminado' };

export function printExam(r: Obj): string {
  const lines: string[] = [];
  let builtIn = false;
  for (const a of (r.analytes ?? []) as Obj[]) {
    const mark = a.reference_source === 'built_in' ? ' *' : '';
    builtIn ||= mark !== '';
    lines.push(
      `    ${pad(String(a.name), 28)} ${lpad(`${num(a.value, '', labNf)} ${a.unit ?? ''}`.trim(), 14)}   ref. ${pad(range(a) + mark, 46)} ${FLAG_MARK[a.flag] ?? a.flag}`,
    );
  }
  if (builtIn) lines.push('    * o laudo não trazia referência: faixa interna do ai-worker');
  if (Array.isArray(r.unparsed_lines) && r.unparsed_lines.length) lines.push(`    (${r.unparsed_lines.length} linha(s) não lida(s))`);
  if (r.summary) lines.push(wrap(`Resumo: ${r.summary}`));
  if (r.disclaimer) lines.push(wrap(String(r.disclaimer)));
  return lines.join('\n');
}

export function printAssistant(r: Obj): string {
  return `${r.urgent ? '    (urgente)\n' : ''}${wrap(String(r.reply ?? '?'))}`;
}

function macros(t: Obj): string {
  return `${num(t.kcal, ' kcal')} · P ${num(t.protein_g, ' g')} · C ${num(t.carbs_g, ' g')} · G ${num(t.fat_g, ' g')}`;
}

export function printMealPlan(r: Obj): string {
  const lines: string[] = [];
  const day: Obj | undefined = r.days?.[0];
  if (!day) return '    (plano sem dias)';
  lines.push(`    Dia ${day.day ?? 1}${r.days.length > 1 ? ` (de ${r.days.length})` : ''}`);
  for (const meal of (day.meals ?? []) as Obj[]) {
    lines.push(`    ${meal.name} — ${macros(meal.totals ?? {})}`);
    for (const it of (meal.items ?? []) as Obj[])
      lines.push(`      ${lpad(num(it.grams, ' g'), 7)}  ${pad(String(it.name), 48)} ${lpad(num(it.kcal, ' kcal'), 10)}`);
  }
  const t: Obj = day.totals ?? {};
  const g: Obj = r.targets ?? {};
  const dev = (k: string) =>
    typeof t[k] === 'number' && typeof g[k] === 'number' && g[k] > 0 ? ` (${t[k] >= g[k] ? '+' : ''}${nf.format(((t[k] - g[k]) / g[k]) * 100)}%)` : '';
  lines.push(`    Total do dia : ${macros(t)}`);
  lines.push(`    Meta         : ${macros(g)}   tolerância ±${num(g.tolerance?.kcal_pct)}% kcal, ±${num(g.tolerance?.macro_pct)}% macros`);
  lines.push(`    Desvio       : kcal${dev('kcal')} · P${dev('protein_g')} · C${dev('carbs_g')} · G${dev('fat_g')}`);
  for (const tip of (r.tips ?? []) as string[]) lines.push(wrap(`• ${tip}`));
  return lines.join('\n');
}

export function printWhatsapp(r: Obj, sent: { to: string; body: string; id: string } | undefined): string {
  const lines = [`    rota: ${r.route?.kind ?? r.route ?? '?'}   entrega: ${r.delivery?.status ?? '?'} (${r.delivery?.message_id ?? '?'})`];
  if (r.analysis_error) lines.push(`    (análise impossível: ${r.analysis_error.code})`);
  if (sent) {
    lines.push(`    mensagem enviada a +${sent.to} (registrada pelo emulador do WhatsApp):`);
    lines.push(
      sent.body
        .split('\n')
        .map((l) => `    │ ${l}`)
        .join('\n'),
    );
  } else lines.push('    (o emulador do WhatsApp não registrou a mensagem enviada)');
  return lines.join('\n');
}
