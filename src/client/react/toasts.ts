// Toasts with sonner, the app's toaster: "Análise iniciada" when a job is queued, "Análise
// concluída" when a result arrives, "Erro na análise" with the patient-facing message.
import { createElement, useEffect, useRef, type ComponentProps } from 'react';
import { toast, Toaster } from 'sonner';
import type { AnalysisStatus, AsyncAnalysis } from './use-async-analysis.ts';

export const TOAST_TEXT = {
  started: 'Análise iniciada',
  completed: 'Análise concluída',
  failed: 'Erro na análise',
  cancelled: 'Análise cancelada',
} as const;

/** The part of sonner's `toast` used here; pass another toaster's function with the same shape. */
export interface ToastFn {
  (title: string, options?: { description?: string }): unknown;
  success(title: string, options?: { description?: string }): unknown;
  error(title: string, options?: { description?: string }): unknown;
}

/** Fires a toast on each transition of `analysis` (not on mount, not twice for one transition). */
export function useAnalysisToasts(
  analysis: Pick<AsyncAnalysis, 'status' | 'error' | 'estimatedSeconds'>,
  options: { enabled?: boolean; toast?: ToastFn } = {},
): void {
  const previous = useRef<AnalysisStatus>(analysis.status);
  const notify = useRef<ToastFn>(toast);
  notify.current = options.toast ?? toast;
  const { status, error, estimatedSeconds } = analysis;
  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (options.enabled === false || before === status) return;
    if ((status === 'pending' || status === 'processing') && (before === 'starting' || before === 'idle')) {
      notify.current(TOAST_TEXT.started, { description: estimatedSeconds ? `Tempo estimado: cerca de ${estimatedSeconds} s` : undefined });
    } else if (status === 'completed') {
      notify.current.success(TOAST_TEXT.completed);
    } else if ((status === 'failed' || status === 'error') && error) {
      notify.current.error(TOAST_TEXT.failed, { description: error.message });
    } else if (status === 'cancelled') {
      notify.current(TOAST_TEXT.cancelled);
    }
  }, [status, error, estimatedSeconds, options.enabled]);
}

/** sonner's <Toaster> with the defaults the analyses use; render it once near the app root. */
export function AnalysisToaster(props: ComponentProps<typeof Toaster>) {
  return createElement(Toaster, { position: 'bottom-center', richColors: true, closeButton: true, ...props });
}
