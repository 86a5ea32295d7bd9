// The four flows, the reference for QuickPhotoCapture, MedicalDocumentsSection, HealthChatBot and
// MealPlanGeneratorModal. Each screen: a form, start(), the loading state, the error state, the result.
import { useState, type CSSProperties, type FormEvent, type ReactNode } from 'react';
import { AnalysisErrorState, AnalysisLoadingState, useAnalysisToasts, useAsyncAnalysis, type AnalysisType, type AsyncAnalysis } from 'ai-worker/react';

type Obj = Record<string, any>;
const nf = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 });
const form: CSSProperties = { display: 'grid', gap: 12, marginBottom: 16, maxWidth: 480 };
const primary: CSSProperties = {
  justifySelf: 'start',
  padding: '10px 18px',
  borderRadius: 8,
  border: 'none',
  background: '#16a34a',
  color: '#fff',
  font: 'inherit',
  fontWeight: 600,
  cursor: 'pointer',
};
const card: CSSProperties = { border: '1px solid #d4d4d8', borderRadius: 12, padding: 16, marginTop: 16 };

function useAnalysis<R>(type: AnalysisType): AsyncAnalysis<R, unknown> {
  const a = useAsyncAnalysis<R>(type);
  useAnalysisToasts(a);
  return a;
}

/** Loading, error, cancelled and the result: what every screen shows under its form. */
function Outcome<R>({ a, retry, title, children }: { a: AsyncAnalysis<R, unknown>; retry: () => void; title: string; children: (r: R) => ReactNode }) {
  return (
    <>
      <AnalysisLoadingState analysis={a} title={a.status === 'processing' ? title : undefined} />
      <AnalysisErrorState error={a.status === 'failed' || a.status === 'error' ? a.error : undefined} onRetry={retry} />
      {a.status === 'cancelled' && <p role="status">Análise cancelada.</p>}
      {a.status === 'completed' && a.result !== undefined && (
        <section aria-label="Resultado" style={card}>
          <p style={{ margin: '0 0 8px', fontWeight: 600, color: '#166534' }}>Análise concluída</p>
          {children(a.result)}
        </section>
      )}
    </>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export function PhotoScreen() {
  const a = useAnalysis<Obj>('sofia_image');
  const [file, setFile] = useState<File | null>(null);
  const run = async () => file && a.start({ image_base64: await readBase64(file), meal_type: 'almoco' });
  const busy = a.status === 'starting' || a.status === 'pending' || a.status === 'processing';
  return (
    <>
      <form style={form} onSubmit={(e: FormEvent) => (e.preventDefault(), void run())}>
        <label htmlFor="photo">Foto da refeição</label>
        <input id="photo" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <button type="submit" style={primary} disabled={!file || busy}>
          Analisar
        </button>
      </form>
      <Outcome a={a} retry={() => void run()} title="Analisando sua refeição…">
        {(r) => (
          <>
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <caption style={{ textAlign: 'left', marginBottom: 6 }}>Alimentos reconhecidos</caption>
              <thead>
                <tr>
                  <th scope="col" style={{ textAlign: 'left' }}>
                    Alimento
                  </th>
                  <th scope="col" style={{ textAlign: 'right' }}>
                    Porção
                  </th>
                  <th scope="col" style={{ textAlign: 'right' }}>
                    Energia
                  </th>
                </tr>
              </thead>
              <tbody>
                {(r.foods ?? []).map((f: Obj, i: number) => (
                  <tr key={i} style={{ borderTop: '1px solid #e4e4e7' }}>
                    <td>{f.name}</td>
                    <td style={{ textAlign: 'right' }}>{nf.format(f.grams ?? 0)} g</td>
                    <td style={{ textAlign: 'right' }}>{nf.format(f.kcal ?? 0)} kcal</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr style={{ borderTop: '2px solid #a1a1aa', fontWeight: 600 }}>
                  <td>Total</td>
                  <td />
                  <td style={{ textAlign: 'right' }}>{nf.format(r.totals?.kcal ?? 0)} kcal</td>
                </tr>
              </tfoot>
            </table>
            {r.comment && (
              <p>
                <strong>Sofia:</strong> {r.comment}
              </p>
            )}
          </>
        )}
      </Outcome>
    </>
  );
}

const SAMPLE_REPORT = `GLICOSE                    104 mg/dL       70 a 99 mg/dL
COLESTEROL TOTAL           212 mg/dL       Inferior a 190 mg/dL
HDL                        38 mg/dL        Superior a 40 mg/dL
HEMOGLOBINA                14,8 g/dL       13,5 a 17,5 g/dL`;

export function ExamScreen() {
  const a = useAnalysis<Obj>('medical_exam');
  const [text, setText] = useState(SAMPLE_REPORT);
  const [file, setFile] = useState<File | null>(null);
  const run = async () => a.start(file ? { document_base64: await readBase64(file), mime: file.type } : { text });
  return (
    <>
      <form style={form} onSubmit={(e: FormEvent) => (e.preventDefault(), void run())}>
        <label htmlFor="exam-file">Arquivo do exame (PDF ou foto)</label>
        <input id="exam-file" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <label htmlFor="exam-text">Ou cole o texto do laudo</label>
        <textarea
          id="exam-text"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}
        />
        <button type="submit" style={primary}>
          Analisar exame
        </button>
      </form>
      <Outcome a={a} retry={() => void run()} title="Lendo seu exame…">
        {(r) => (
          <>
            <ul>
              {(r.analytes ?? []).map((x: Obj, i: number) => (
                <li key={i}>
                  {x.name}: {typeof x.value === 'number' ? nf.format(x.value) : x.value} {x.unit} — <strong>{x.flag}</strong>
                </li>
              ))}
            </ul>
            {r.summary && <p>{r.summary}</p>}
            {r.disclaimer && <p style={{ fontSize: 13, color: '#52525b' }}>{r.disclaimer}</p>}
          </>
        )}
      </Outcome>
    </>
  );
}

export function ChatScreen() {
  const a = useAnalysis<Obj>('unified_assistant');
  const [question, setQuestion] = useState('Meu colesterol deu um pouco alto. O que posso mudar no café da manhã?');
  const run = () => a.start({ messages: [{ role: 'user', content: question }] });
  return (
    <>
      <form style={form} onSubmit={(e: FormEvent) => (e.preventDefault(), void run())}>
        <label htmlFor="question">Sua pergunta</label>
        <textarea id="question" rows={3} value={question} onChange={(e) => setQuestion(e.target.value)} />
        <button type="submit" style={primary}>
          Perguntar
        </button>
      </form>
      <Outcome a={a} retry={() => void run()} title="Pensando na resposta…">
        {(r) => (
          <p style={{ whiteSpace: 'pre-wrap' }}>
            {r.urgent ? '⚠️ ' : ''}
            {r.reply}
          </p>
        )}
      </Outcome>
    </>
  );
}

export function MealPlanScreen() {
  const a = useAnalysis<Obj>('meal_plan');
  const [kcal, setKcal] = useState(1800);
  const [vegetarian, setVegetarian] = useState(false);
  const [lactose, setLactose] = useState(false);
  const run = () =>
    a.start({ kcal_target: kcal, meals_per_day: 4, days: 1, restrictions: [...(vegetarian ? ['vegetarian'] : []), ...(lactose ? ['lactose_free'] : [])] });
  return (
    <>
      <form style={form} onSubmit={(e: FormEvent) => (e.preventDefault(), void run())}>
        <label htmlFor="kcal">Meta diária (kcal)</label>
        <input id="kcal" type="number" min={1000} max={4000} step={50} value={kcal} onChange={(e) => setKcal(Number(e.target.value))} />
        <label>
          <input type="checkbox" checked={vegetarian} onChange={(e) => setVegetarian(e.target.checked)} /> Vegetariano
        </label>
        <label>
          <input type="checkbox" checked={lactose} onChange={(e) => setLactose(e.target.checked)} /> Sem lactose
        </label>
        <button type="submit" style={primary}>
          Gerar cardápio
        </button>
      </form>
      <Outcome a={a} retry={() => void run()} title="Montando seu cardápio…">
        {(r) => (
          <>
            {(r.days?.[0]?.meals ?? []).map((m: Obj, i: number) => (
              <div key={i}>
                <h3 style={{ fontSize: 16, margin: '12px 0 4px' }}>
                  {m.name} — {nf.format(m.totals?.kcal ?? 0)} kcal
                </h3>
                <ul style={{ margin: 0 }}>
                  {(m.items ?? []).map((it: Obj, j: number) => (
                    <li key={j}>
                      {nf.format(it.grams ?? 0)} g de {it.name} ({nf.format(it.kcal ?? 0)} kcal)
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {(r.tips ?? []).length > 0 && (
              <>
                <h3 style={{ fontSize: 16 }}>Dicas</h3>
                <ul>
                  {r.tips.map((t: string, i: number) => (
                    <li key={i}>{t}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Outcome>
    </>
  );
}
