// ai-worker/client: the framework-free side of the app (tracker, errors, pacing). No React here.
export {
  AnalysisTracker,
  createAnalysisTracker,
  FUNCTION_FOR,
  statusTopic,
  type AnalysisType,
  type CancelOutcome,
  type ChannelLike,
  type JobSnapshot,
  type JobStatus,
  type RealtimeMode,
  type RealtimeState,
  type StartOutcome,
  type SupabaseLike,
  type TrackerOptions,
} from './tracker.ts';
export { analysisError, ERROR_MESSAGES, invokeError, jobError, SLOW_MESSAGE, type AnalysisError } from './errors.ts';
export { DEFAULT_SCHEDULE, pollDelayMs, slowAfterMs, type ScheduleOptions } from './schedule.ts';
