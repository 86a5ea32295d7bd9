// A job input's problems, each with its field path (`input.messages[2].role`) and an English
// operator-facing message; the user reads the Portuguese text of `invalid_input` and the paths
// (src/errors.ts). Two sources: the JSON Schema check (TypeBox's checker, whose errors are turned
// into paths and messages here) and each job type's own checks of what a schema cannot say
// (decoded bytes, a sum, a real date), which report through `InputCheck`.
import { Compile, type Validator } from 'typebox/schema';
import { Settings } from 'typebox/system';
import type { TSchema } from 'typebox/type';

export interface Problem {
  path: string;
  message: string;
}

// TypeBox stops at 8 errors by default; a request is answered with all its problems at once, up to
// this bound (10,000 bad array items are not answered with 10,000 messages). The setting is
// process-wide; TypeBox runs nowhere else in this code (fastify validates with ajv).
const MAX_SCHEMA_ERRORS = 100;
Settings.Set({ maxErrors: MAX_SCHEMA_ERRORS });

/** Where a job type's own checks report; a path the schema already reported is not reported twice. */
export class InputCheck {
  constructor(readonly problems: Problem[]) {}

  report(path: string, message: string): void {
    if (!this.problems.some((p) => p.path === path)) this.problems.push({ path, message });
  }

  /** Whether the schema (or an earlier check) already found something wrong at or under `path`. */
  failed(path: string): boolean {
    return this.problems.some((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`));
  }
}

type Node = Record<string, unknown>;

/** The schema's problems with `value`, as field paths under `root`. */
export function schemaProblems(schema: TSchema, value: unknown, root: string): Problem[] {
  // The checker first: collecting errors (paths, localised messages) costs several times a plain check,
  // and almost every input is valid (bench:queue profile: the error walk was 2 % of the daemon's CPU).
  const validator = validatorOf(schema);
  if (validator.Check(value)) return [];
  const [, errors] = validator.Errors(value);
  const out: Problem[] = [];
  for (const e of errors) {
    const at = fieldPath(root, e.instancePath, value);
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'boolean') continue; // `additionalProperties: false` itself; the next error names the keys
    if (e.keyword === 'additionalProperties') {
      for (const key of params.additionalProperties as string[]) out.push({ path: `${at}.${key}`, message: 'unknown field' });
    } else if (e.keyword === 'required') {
      for (const key of params.requiredProperties as string[]) out.push({ path: `${at}.${key}`, message: 'is required' });
    } else {
      out.push({ path: at, message: expectation(e.keyword, nodeAt(schema, e.schemaPath)) });
    }
  }
  return out;
}

// Each schema compiled once. The interpreting checker walked the schema on every call and allocated
// ~2.5 KB a job (its property-name patterns, a RegExp per object), a fifth of what the daemon
// allocates per job in bench:queue (heap sampling); the compiled check allocates nothing. Where code
// generation is not allowed, TypeBox falls back to the interpreter by itself.
const validators = new WeakMap<TSchema, Validator>();
function validatorOf(schema: TSchema): Validator {
  let v = validators.get(schema);
  if (!v) validators.set(schema, (v = Compile(schema as never)));
  return v;
}

/** A JSON pointer into `value` written as a field path: `/messages/2/role` → `input.messages[2].role`. */
function fieldPath(root: string, pointer: string, value: unknown): string {
  let path = root;
  let at = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += Array.isArray(at) ? `[${key}]` : `.${key}`;
    at = (at as Record<string, unknown> | undefined)?.[key];
  }
  return path;
}

function nodeAt(schema: TSchema, schemaPath: string): Node {
  let at: unknown = schema;
  for (const raw of schemaPath.split('/').slice(1)) at = (at as Node | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  return (at ?? {}) as Node;
}

/** What the schema wanted at the place that failed, in words. */
function expectation(keyword: string, node: Node): string {
  if (Array.isArray(node.enum)) return `must be one of ${node.enum.join(', ')}`;
  const { type, minimum: min, maximum: max } = node;
  if (type === 'integer' || type === 'number') {
    const what = type === 'integer' ? 'an integer' : 'a number';
    if (min !== undefined && max !== undefined) return `must be ${what} from ${min} to ${max}`;
    return `must be ${what}`;
  }
  if (keyword === 'type') return type === 'object' ? 'must be an object' : type === 'array' ? 'must be an array' : `must be a ${String(type)}`;
  if (keyword === 'maxLength') return `must be at most ${node.maxLength} characters`;
  if (keyword === 'minLength') return 'must not be empty';
  if (keyword === 'pattern') return node.pattern === NOT_BLANK ? 'must not be blank' : `must match ${node.pattern}`;
  if (keyword === 'minItems' || keyword === 'maxItems') return `must have ${node.minItems ?? 0} to ${node.maxItems ?? 'any number of'} items`;
  return `is not valid (${keyword})`;
}

/** A string pattern: at least one character that is not white space. */
export const NOT_BLANK = '\\S';

/**
 * Problems in the order of the schema's fields (unknown fields first, then each declared field, array
 * items by index); for one field, the schema's problems before the type's own checks.
 */
export function inFieldOrder(schema: TSchema, root: string, problems: Problem[]): Problem[] {
  // Nothing to order (every valid input, once per job): no sort keys to build.
  if (problems.length < 2) return problems;
  const key = (path: string): number[] => {
    const out: number[] = [];
    let node: Node | undefined = schema as Node;
    for (const m of path.slice(root.length).matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
      if (m[2] !== undefined) {
        out.push(Number(m[2]));
        node = node?.items as Node | undefined;
      } else {
        const props = (node?.properties ?? {}) as Record<string, Node>;
        out.push(Object.keys(props).indexOf(m[1]!));
        node = props[m[1]!];
      }
    }
    return out;
  };
  const keyed = problems.map((p, i) => ({ p, i, k: key(p.path) }));
  keyed.sort((a, b) => {
    for (let j = 0; j < Math.min(a.k.length, b.k.length); j++) if (a.k[j] !== b.k[j]) return a.k[j]! - b.k[j]!;
    return a.k.length - b.k.length || a.i - b.i;
  });
  return keyed.map((x) => x.p);
}
