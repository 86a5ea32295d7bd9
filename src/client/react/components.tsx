// The loading and error states every analysis screen shows, in pt-BR, accessible (roles, labels,
// live regions), styled inline just enough to look right with no CSS; every element carries a
// class name (aiw-*) for the app's own Tailwind/shadcn styling.
import { useEffect, useState, type CSSProperties } from 'react';
import { SLOW_MESSAGE, type AnalysisError } from '../errors.ts';
import type { AsyncAnalysis } from './use-async-analysis.ts';

const box: CSSProperties = { border: '1px solid #d4d4d8', borderRadius: 12, padding: 16, display: 'grid', gap: 10, maxWidth: 480 };
const button: CSSProperties = {
  justifySelf: 'start',
  padding: '8px 16px',
  borderRadius: 8,
  border: '1px solid #a1a1aa',
  background: '#fff',
  font: 'inherit',
  cursor: 'pointer',
};

export function formatSeconds(s: number): string {
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const r = s % 60;
  return r ? `${m} min ${r} s` : `${m} min`;
}

export interface AnalysisLoadingStateProps {
  analysis: Pick<AsyncAnalysis, 'status' | 'progress' | 'estimatedSeconds' | 'elapsedSeconds' | 'slow' | 'cancelling' | 'cancel' | 'jobId'>;
  /** What is being analysed, e.g. "Analisando sua refeição". */
  title?: string;
  /** Hide the Cancelar button. */
  cancellable?: boolean;
  className?: string;
}

export function AnalysisLoadingState({ analysis, title, cancellable = true, className }: AnalysisLoadingStateProps) {
  const { status, progress, estimatedSeconds, elapsedSeconds, slow, cancelling } = analysis;
  if (status !== 'starting' && status !== 'pending' && status !== 'processing') return null;
  const pct = Math.round((progress ?? 0) * 100);
  const heading = title ?? (status === 'starting' ? 'Enviando…' : status === 'pending' ? 'Na fila para análise…' : 'Analisando…');
  const left = estimatedSeconds !== undefined ? Math.max(0, estimatedSeconds - elapsedSeconds) : undefined;
  return (
    <section className={['aiw-loading', className].filter(Boolean).join(' ')} role="status" aria-live="polite" aria-busy="true" style={box}>
      <p className="aiw-loading__title" style={{ margin: 0, fontWeight: 600 }}>
        {heading}
      </p>
      <div
        className="aiw-loading__bar"
        role="progressbar"
        aria-label="Progresso da análise"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
        style={{ height: 8, borderRadius: 4, background: '#e4e4e7', overflow: 'hidden' }}
      >
        <div style={{ width: `${pct}%`, height: '100%', background: '#16a34a', transition: 'width 0.8s linear' }} />
      </div>
      <p className="aiw-loading__eta" style={{ margin: 0, color: '#52525b' }}>
        {left === undefined ? 'Preparando…' : left > 0 ? `Tempo restante estimado: cerca de ${formatSeconds(left)}` : 'Quase pronto…'}
      </p>
      {slow && (
        <p className="aiw-loading__slow" style={{ margin: 0, color: '#92400e' }}>
          {SLOW_MESSAGE}
        </p>
      )}
      {cancellable && analysis.jobId && (
        <button type="button" className="aiw-loading__cancel" onClick={() => void analysis.cancel()} disabled={cancelling} style={button}>
          {cancelling ? 'Cancelando…' : 'Cancelar'}
        </button>
      )}
    </section>
  );
}

export interface AnalysisErrorStateProps {
  error: AnalysisError | undefined;
  /** Shown as "Tentar novamente" when retrying can help. */
  onRetry?: () => void;
  title?: string;
  className?: string;
}

export function AnalysisErrorState({ error, onRetry, title = 'Erro na análise', className }: AnalysisErrorStateProps) {
  const wait = error?.retryAfterSeconds ?? 0;
  const [left, setLeft] = useState(wait);
  useEffect(() => {
    setLeft(wait);
    if (wait <= 0) return;
    const timer = setInterval(() => setLeft((s) => (s <= 1 ? (clearInterval(timer), 0) : s - 1)), 1000);
    return () => clearInterval(timer);
  }, [error, wait]);
  if (!error) return null;
  return (
    <section className={['aiw-error', className].filter(Boolean).join(' ')} role="alert" style={{ ...box, borderColor: '#fca5a5', background: '#fef2f2' }}>
      <p className="aiw-error__title" style={{ margin: 0, fontWeight: 600, color: '#991b1b' }}>
        {title}
      </p>
      <p className="aiw-error__message" style={{ margin: 0 }}>
        {error.message}
      </p>
      {error.retryable && onRetry && (
        <button type="button" className="aiw-error__retry" onClick={onRetry} disabled={left > 0} style={button}>
          {left > 0 ? `Tentar novamente em ${left} s` : 'Tentar novamente'}
        </button>
      )}
    </section>
  );
}
