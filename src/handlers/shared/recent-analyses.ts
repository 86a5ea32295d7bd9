// The user's recent analyses as context for the assistant: one indexed SELECT (user_id, created_at)
// and a compact pt-BR line per analysis — food names and energy, exam flags (no values), plan
// targets. No images, no raw results: the model needs the gist, and the prompt stays small.
import type { SqlClient } from '../../db/sql-client.ts';

export const RECENT_ANALYSIS_TYPES = ['sofia_image', 'medical_exam', 'meal_plan'] as const;
export const RECENT_ANALYSES_LIMIT = 5;

/** Exported for bench/queue-explain.ts. */
export const RECENT_ANALYSES_SQL = `
select type, result, completed_at
  from public.analysis_jobs
 where user_id = $1 and status = 'completed' and type = any($2::text[]) and result is not null
 order by created_at desc
 limit $3`;

export interface RecentAnalysis {
  type: string;
  result: unknown;
  completed_at: Date | null;
}

export async function recentAnalyses(db: SqlClient, userId: string, limit = RECENT_ANALYSES_LIMIT): Promise<RecentAnalysis[]> {
  const { rows } = await db.query<RecentAnalysis>(RECENT_ANALYSES_SQL, [userId, [...RECENT_ANALYSIS_TYPES], limit]);
  return rows;
}

const FLAG_WORD: Record<string, string> = { alto: 'acima', baixo: 'abaixo' };

function day(d: Date | null): string {
  return d ? d.toLocaleDateString('pt-BR', { day: '2-digit', month: '2-digit', timeZone: 'America/Sao_Paulo' }) : '?';
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, ' ').slice(0, 60) : '');

/** One line per analysis; results written by older handler versions degrade to a bare mention. */
export function summariseAnalysis(a: RecentAnalysis): string {
  const r = obj(a.result);
  const when = day(a.completed_at);
  if (a.type === 'sofia_image') {
    const foods = arr(r.foods)
      .map((f) => str(obj(f).name))
      .filter(Boolean)
      .slice(0, 8);
    const kcal = obj(r.totals).kcal;
    return `Refeição analisada (${when}): ${foods.length ? foods.join(', ') : 'nenhum alimento reconhecido'}${typeof kcal === 'number' && foods.length ? ` — cerca de ${kcal} kcal` : ''}.`;
  }
  if (a.type === 'medical_exam') {
    const analytes = arr(r.analytes).map(obj);
    const off = analytes.filter((x) => x.flag === 'alto' || x.flag === 'baixo').map((x) => `${str(x.name)} ${FLAG_WORD[String(x.flag)]} da referência`);
    const normal = analytes.filter((x) => x.flag === 'normal').length;
    const parts = [...off.slice(0, 8), ...(normal ? [`${normal} dentro da referência`] : [])];
    return `Exame laboratorial (${when}): ${parts.length ? parts.join('; ') : 'nenhum resultado lido'}.`;
  }
  if (a.type === 'meal_plan') {
    const t = obj(r.targets);
    const days = arr(r.days).length;
    return `Plano alimentar (${when}): ${typeof t.kcal === 'number' ? `${t.kcal} kcal/dia` : 'metas não informadas'}, ${days} dia(s).`;
  }
  return `Análise ${a.type} (${when}).`;
}

export async function recentAnalysesContext(db: SqlClient, userId: string): Promise<string> {
  const rows = await recentAnalyses(db, userId);
  return rows.map(summariseAnalysis).join('\n');
}
