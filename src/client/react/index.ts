// ai-worker/react: the hook, the provider, the loading and error states and the toasts.
export {
  AnalysisProvider,
  useAnalysisTracker,
  useAsyncAnalysis,
  type AnalysisStatus,
  type AsyncAnalysis,
  type UseAsyncAnalysisOptions,
} from './use-async-analysis.ts';
export { AnalysisErrorState, AnalysisLoadingState, formatSeconds, type AnalysisErrorStateProps, type AnalysisLoadingStateProps } from './components.tsx';
export { AnalysisToaster, TOAST_TEXT, useAnalysisToasts, type ToastFn } from './toasts.ts';
export * from '../index.ts';
