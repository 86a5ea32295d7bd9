// The one shape of an analysis handler: validate the input against its job-input schema, build the
// analysis context from the job's, run the analysis, and turn its outcome into the worker's result.
// Each handler file keeps only what is its own (the analysis); this keeps the steps and their order
// in one place.
import { HANDLER_VERSIONS } from '../../cache/key.ts';
import { validateInput, type JobInputs, type JobType } from '../../job-inputs/index.ts';
import type { JobHandler } from '../types.ts';
import { analysisContext, toHandlerResult, validateOptions, type AnalysisContext, type AnalysisDeps, type AnalysisOutcome } from './analysis.ts';

export interface AnalysisHandlerSpec<T extends JobType> {
  type: T;
  timeoutMs: number;
  analyse: (deps: AnalysisDeps, input: JobInputs[T], actx: AnalysisContext) => Promise<AnalysisOutcome<unknown>>;
}

export function analysisHandler<T extends JobType>(deps: AnalysisDeps, spec: AnalysisHandlerSpec<T>): JobHandler {
  return {
    type: spec.type,
    version: HANDLER_VERSIONS[spec.type],
    timeoutMs: spec.timeoutMs,
    async run(input, ctx) {
      const parsed = validateInput(spec.type, input, validateOptions(deps.config));
      const actx = analysisContext(ctx);
      return toHandlerResult(await spec.analyse(deps, parsed, actx), actx.calls);
    },
  };
}
