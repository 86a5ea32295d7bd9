// Deterministic pt-BR summary of the flags, used when no language model is available (and as the
// factual backbone when one is). It only restates what the parser read; it never interprets causes.
import type { LabParseResult, ParsedAnalyte, QualitativeAnalyte } from './parse.ts';

export const LAB_DISCLAIMER =
  'Este resumo é apenas informativo e não é um diagnóstico. Só um profissional de saúde pode interpretar os seus exames, junto com a sua história e o exame clínico. Leve estes resultados à sua consulta.';

function fmtNumber(n: number): string {
  const [int, dec] = String(n).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return dec ? `${grouped},${dec}` : grouped;
}

function describeRange(a: ParsedAnalyte): string {
  const u = a.unit ? ` ${a.unit}` : '';
  if (a.reference_low !== null && a.reference_high !== null) return `${fmtNumber(a.reference_low)} a ${fmtNumber(a.reference_high)}${u}`;
  if (a.reference_high !== null) return `até ${fmtNumber(a.reference_high)}${u}`;
  if (a.reference_low !== null) return `a partir de ${fmtNumber(a.reference_low)}${u}`;
  return a.reference_text ?? 'sem referência';
}

function line(a: ParsedAnalyte): string {
  const source = a.reference_source === 'built_in' ? ', referência geral para adultos, pois o laudo não trouxe a do laboratório' : '';
  return `${a.name}: ${a.comparator ? `${a.comparator} ` : ''}${fmtNumber(a.value)}${a.unit ? ` ${a.unit}` : ''} (referência: ${describeRange(a)}${source})`;
}

function qualitativeLine(a: QualitativeAnalyte): string {
  return `${a.name}: ${a.value}${a.reference_text ? ` (referência: ${a.reference_text})` : ''}`;
}

/** Plain-language summary; always ends with the disclaimer. */
export function explainLabResults(result: Pick<LabParseResult, 'analytes' | 'unparsed_lines'> & { qualitative?: QualitativeAnalyte[] }): string {
  const qualitative = result.qualitative ?? [];
  const high = result.analytes.filter((a) => a.flag === 'alto');
  const low = result.analytes.filter((a) => a.flag === 'baixo');
  const changed = qualitative.filter((a) => a.flag === 'alterado');
  const normal = [...result.analytes, ...qualitative].filter((a) => a.flag === 'normal');
  const unknown = [...result.analytes, ...qualitative].filter((a) => a.flag === 'indeterminado');
  const parts: string[] = [];
  if (result.analytes.length === 0 && qualitative.length === 0) {
    parts.push('Não consegui ler nenhum resultado de exame neste texto.');
  } else {
    const n = result.analytes.length + qualitative.length;
    parts.push(`Li ${n} ${n === 1 ? 'resultado' : 'resultados'} no seu exame.`);
    if (high.length === 0 && low.length === 0 && changed.length === 0 && unknown.length === 0) {
      parts.push('Todos estão dentro da faixa de referência.');
    }
    if (high.length > 0) parts.push(`Acima da referência:\n${high.map((a) => `- ${line(a)}`).join('\n')}`);
    if (low.length > 0) parts.push(`Abaixo da referência:\n${low.map((a) => `- ${line(a)}`).join('\n')}`);
    if (changed.length > 0) parts.push(`Diferente do resultado de referência:\n${changed.map((a) => `- ${qualitativeLine(a)}`).join('\n')}`);
    if (normal.length > 0 && (high.length > 0 || low.length > 0 || changed.length > 0 || unknown.length > 0)) {
      parts.push(`Dentro da referência: ${normal.map((a) => a.name).join(', ')}.`);
    }
    if (unknown.length > 0) {
      parts.push(
        `Sem como comparar com segurança (referência ausente, de unidade diferente ou que depende do sexo): ${unknown.map((a) => a.name).join(', ')}.`,
      );
    }
    if (high.length > 0 || low.length > 0 || changed.length > 0) {
      parts.push(
        'Um valor fora da faixa nem sempre significa doença: jejum, medicamentos e o método do laboratório influenciam. Converse com seu médico sobre esses itens.',
      );
    }
  }
  if (result.unparsed_lines.length > 0) {
    const k = result.unparsed_lines.length;
    parts.push(`${k} ${k === 1 ? 'linha parece' : 'linhas parecem'} um resultado, mas não consegui ler com segurança; confira no laudo original.`);
  }
  parts.push(LAB_DISCLAIMER);
  return parts.join('\n\n');
}
