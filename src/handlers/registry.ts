// Handlers by job type. A type with no handler (built later, or removed) fails permanently with
// `unsupported_type` instead of burning retries.
import { PermanentError } from '../errors.ts';
import type { JobHandler } from './types.ts';

export class HandlerRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(handlers: JobHandler[] = []) {
    for (const h of handlers) this.register(h);
  }

  register(handler: JobHandler): this {
    if (this.handlers.has(handler.type)) throw new Error(`a handler for ${handler.type} is already registered`);
    this.handlers.set(handler.type, handler);
    return this;
  }

  get(type: string): JobHandler {
    const h = this.handlers.get(type);
    if (!h) {
      throw new PermanentError(
        'unsupported_type',
        `this worker has no handler for job type "${type}"; deploy a worker version that supports it, then re-enqueue the job`,
      );
    }
    return h;
  }

  types(): string[] {
    return [...this.handlers.keys()].sort();
  }
}
