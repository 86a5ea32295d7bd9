import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { InvalidInputError } from '../../src/errors.ts';
import { JOB_INPUT_SCHEMAS, JOB_TYPES, validateInput, type JobType } from '../../src/job-inputs/index.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]).toString('base64');
const WEBP = Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1').toString('base64');
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1').toString('base64');
const GIF = Buffer.from('GIF89a\x01\x00', 'latin1').toString('base64');

function fieldsOf(type: string, input: unknown, options?: Parameters<typeof validateInput>[2]): string[] {
  try {
    validateInput(type, input, options);
  } catch (err) {
    assert.ok(err instanceof InvalidInputError, `threw ${String(err)}`);
    assert.equal(err.code, 'invalid_input');
    return err.fields ?? [];
  }
  assert.fail('expected InvalidInputError');
}

test('sofia_image: exactly one source; base64 checked by magic bytes and size', () => {
  assert.deepEqual(validateInput('sofia_image', { image_base64: PNG }), { image_base64: PNG, image_mime: 'image/png' });
  assert.equal(validateInput('sofia_image', { image_base64: `data:image/jpeg;base64,${JPEG}` }).image_mime, 'image/jpeg');
  assert.equal(validateInput('sofia_image', { image_base64: WEBP, meal_type: 'almoco' }).image_mime, 'image/webp');
  assert.deepEqual(validateInput('sofia_image', { image_url: 'https://cdn.example.com/a.jpg' }), { image_url: 'https://cdn.example.com/a.jpg' });
  assert.deepEqual(fieldsOf('sofia_image', { image_base64: GIF }), ['input.image_base64']);
  assert.deepEqual(fieldsOf('sofia_image', { image_base64: 'não é base64!' }), ['input.image_base64']);
  assert.deepEqual(fieldsOf('sofia_image', { image_base64: PNG }, { maxImageBytes: 4 }), ['input.image_base64']);
  assert.deepEqual(fieldsOf('sofia_image', {}), ['input.image_base64']);
  assert.deepEqual(fieldsOf('sofia_image', { image_base64: PNG, image_url: 'https://x/y' }), ['input.image_url']);
  assert.deepEqual(fieldsOf('sofia_image', { image_url: 'http://x/y.jpg' }), ['input.image_url']);
  assert.deepEqual(validateInput('sofia_image', { image_url: 'http://localhost:9000/y.jpg' }, { allowHttp: true }), {
    image_url: 'http://localhost:9000/y.jpg',
  });
  assert.deepEqual(fieldsOf('sofia_image', { image_url: 'https://user:pw@x/y' }), ['input.image_url']);
  assert.deepEqual(fieldsOf('sofia_image', { image_url: 'file:///etc/passwd' }), ['input.image_url']);
  assert.deepEqual(fieldsOf('sofia_image', { image_url: 'https://x/y', meal_type: 'brunch' }), ['input.meal_type']);
});

test('sofia_image: default size limit is 8 MB, checked before decoding', () => {
  const nine = 'A'.repeat(Math.ceil((9 * 1024 * 1024) / 3) * 4);
  assert.deepEqual(fieldsOf('sofia_image', { image_base64: nine }), ['input.image_base64']);
});

test('medical_exam: text or a document whose bytes match its mime', () => {
  assert.deepEqual(validateInput('medical_exam', { text: 'Glicose 90 mg/dL' }), { text: 'Glicose 90 mg/dL' });
  assert.deepEqual(validateInput('medical_exam', { document_base64: PDF, mime: 'application/pdf' }), { document_base64: PDF, mime: 'application/pdf' });
  assert.deepEqual(validateInput('medical_exam', { document_base64: JPEG, mime: 'image/jpeg' }), { document_base64: JPEG, mime: 'image/jpeg' });
  assert.deepEqual(fieldsOf('medical_exam', { document_base64: PNG, mime: 'application/pdf' }), ['input.document_base64']);
  assert.deepEqual(fieldsOf('medical_exam', { document_base64: PDF, mime: 'text/html' }), ['input.mime']);
  assert.deepEqual(fieldsOf('medical_exam', { text: 'x'.repeat(100 * 1024 + 1) }), ['input.text']);
  assert.deepEqual(fieldsOf('medical_exam', { text: 'ã'.repeat(60 * 1024) }), ['input.text']); // 120 kB in UTF-8
  assert.deepEqual(fieldsOf('medical_exam', { text: '   ' }), ['input.text']);
  assert.deepEqual(fieldsOf('medical_exam', {}), ['input.text']);
  assert.deepEqual(fieldsOf('medical_exam', { text: 'a', document_base64: PDF, mime: 'application/pdf' }), ['input.document_base64']);
});

test('unified_assistant: every bad message is reported with its index', () => {
  const ok = validateInput('unified_assistant', { messages: [{ role: 'user', content: 'oi' }], context: { last_exam: 'x' } });
  assert.deepEqual(ok, { messages: [{ role: 'user', content: 'oi' }], context: { last_exam: 'x' } });
  assert.deepEqual(
    fieldsOf('unified_assistant', {
      messages: [
        { role: 'user', content: 'oi' },
        { role: 'robot', content: 'x' },
        { role: 'user', content: 'y'.repeat(8001) },
        'texto',
        { role: 'user', content: 'a', extra: 1 },
      ],
      context: [],
    }),
    ['input.messages[1].role', 'input.messages[2].content', 'input.messages[3]', 'input.messages[4].extra', 'input.context'],
  );
  assert.deepEqual(fieldsOf('unified_assistant', { messages: [] }), ['input.messages']);
  assert.deepEqual(fieldsOf('unified_assistant', { messages: Array.from({ length: 51 }, () => ({ role: 'user', content: 'a' })) }), ['input.messages']);
});

test('meal_plan: ranges, enums, macros summing to 100 ± 1, all errors at once', () => {
  const input = {
    kcal_target: 1800,
    meals_per_day: 5,
    days: 7,
    restrictions: ['vegan', 'gluten_free'],
    macros: { protein_pct: 25, carbs_pct: 45, fat_pct: 30.5 },
    exclude_foods: ['banana', '561'],
  };
  assert.deepEqual(validateInput('meal_plan', input), input);
  assert.deepEqual(
    fieldsOf('meal_plan', {
      kcal_target: 999,
      meals_per_day: 7,
      days: 1.5,
      restrictions: ['keto', 'vegan', 'vegan'],
      macros: { protein_pct: 30, carbs_pct: 30, fat_pct: 30 },
      exclude_foods: [''],
      colour: 'red',
    }),
    [
      'input.colour',
      'input.kcal_target',
      'input.meals_per_day',
      'input.days',
      'input.restrictions[0]',
      'input.restrictions[2]',
      'input.macros',
      'input.exclude_foods[0]',
    ],
  );
  assert.deepEqual(fieldsOf('meal_plan', { kcal_target: 2000, meals_per_day: 3, days: 1, macros: { protein_pct: '20', carbs_pct: 50, fat_pct: 30 } }), [
    'input.macros.protein_pct',
  ]);
  assert.deepEqual(fieldsOf('meal_plan', {}), ['input.kcal_target', 'input.meals_per_day', 'input.days']);
});

test('whatsapp_message: phone digits, text or media, media checked', () => {
  assert.deepEqual(validateInput('whatsapp_message', { from: '5511999990000', text: 'oi' }), { from: '5511999990000', text: 'oi' });
  assert.deepEqual(validateInput('whatsapp_message', { from: '5511999990000', media: { mime: 'image/jpeg', base64: JPEG } }), {
    from: '5511999990000',
    media: { mime: 'image/jpeg', base64: JPEG },
  });
  assert.deepEqual(validateInput('whatsapp_message', { from: '5511999990000', media: { mime: 'audio/ogg', url: 'https://x/a.ogg' } }).media, {
    mime: 'audio/ogg',
    url: 'https://x/a.ogg',
  });
  assert.deepEqual(fieldsOf('whatsapp_message', { from: '+55 11 99999' }), ['input.from', 'input.text']);
  assert.deepEqual(fieldsOf('whatsapp_message', { from: '5511999990000', media: { mime: 'image/png', base64: JPEG } }), ['input.media.base64']);
  assert.deepEqual(fieldsOf('whatsapp_message', { from: '5511999990000', media: { mime: 'image/png' } }), ['input.media.base64']);
  assert.deepEqual(fieldsOf('whatsapp_message', { from: '5511999990000', media: { mime: 'nada', url: 'http://x' } }), ['input.media.mime', 'input.media.url']);
});

test('healthcheck: optional knobs, missing input is {}', () => {
  assert.deepEqual(validateInput('healthcheck', undefined), {});
  assert.deepEqual(validateInput('healthcheck', { delay_ms: 0, fail_times: 100 }), { delay_ms: 0, fail_times: 100 });
  assert.deepEqual(fieldsOf('healthcheck', { delay_ms: 60001, fail_times: -1 }), ['input.delay_ms', 'input.fail_times']);
});

test('universal rules: forbidden keys, NUL bytes, non-plain objects, unknown type', () => {
  assert.deepEqual(fieldsOf('healthcheck', JSON.parse('{"__proto__": {"x": 1}}')), ['input.__proto__']);
  assert.deepEqual(fieldsOf('unified_assistant', JSON.parse('{"messages":[{"role":"user","content":"a"}],"context":{"constructor":{"prototype":{}}}}')), [
    'input.context.constructor',
  ]);
  assert.deepEqual(fieldsOf('medical_exam', { text: 'glicose\u0000 90' }), ['input.text']);
  assert.deepEqual(fieldsOf('unified_assistant', { messages: [{ role: 'user', content: 'a' }], context: { when: new Date() } }), ['input.context.when']);
  assert.deepEqual(fieldsOf('healthcheck', new Map()), ['input']);
  assert.deepEqual(fieldsOf('healthcheck', [1]), ['input']);
  assert.deepEqual(fieldsOf('meal_plan', 'x'), ['input']);
  assert.deepEqual(fieldsOf('transcode', {}), ['type']);
  assert.deepEqual([...JOB_TYPES], ['sofia_image', 'medical_exam', 'unified_assistant', 'meal_plan', 'whatsapp_message', 'healthcheck']);
});

test('property: arbitrary JSON never throws anything but InvalidInputError', () => {
  fc.assert(
    fc.property(fc.constantFrom(...JOB_TYPES), fc.jsonValue(), (type: JobType, value) => {
      try {
        validateInput(type, value);
      } catch (err) {
        assert.ok(err instanceof InvalidInputError);
        assert.ok((err.fields ?? []).length > 0);
      }
    }),
    { seed: 7, numRuns: 2000 },
  );
});

test('the untrusted-value scan runs first and alone: a value it refuses never reaches the schema', () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 40; i++) deep = { d: deep };
  const fields = fieldsOf('meal_plan', { kcal_target: 'lots', deep });
  assert.equal(fields.length, 1, `only the scan's problem, got ${fields.join(', ')}`);
  assert.match(fields[0]!, /^input\.deep(\.d)+$/);
  assert.deepEqual(fieldsOf('meal_plan', { kcal_target: 'lots', note: 'a\u0000b' }), ['input.note']);
});

test('every problem is reported, past TypeBox’s default of 8, each with its path and an English detail', () => {
  const messages = Array.from({ length: 20 }, () => ({ role: 'system', content: 'x' }));
  assert.deepEqual(
    fieldsOf('unified_assistant', { messages }),
    messages.map((_, i) => `input.messages[${i}].role`),
  );
  assert.throws(
    () => validateInput('meal_plan', { kcal_target: 999, meals_per_day: 3, days: 1 }),
    (err: InvalidInputError) => err.message === 'invalid meal_plan input: input.kcal_target must be an integer from 1000 to 5000',
  );
});

test('property: a value the published JSON Schema refuses, validateInput refuses too', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  const published = new Map(JOB_TYPES.map((t) => [t, ajv.compile(JSON.parse(JSON.stringify(JOB_INPUT_SCHEMAS[t])))] as const));
  // Values near the schemas' shapes, so the property is not only tested on wrong top-level types.
  const near = fc.record(
    {
      kcal_target: fc.oneof(fc.integer({ min: 0, max: 6000 }), fc.double(), fc.string()),
      meals_per_day: fc.integer({ min: 0, max: 8 }),
      days: fc.integer({ min: 0, max: 20 }),
      restrictions: fc.array(fc.constantFrom('vegan', 'keto', 'diabetic')),
      messages: fc.array(fc.record({ role: fc.constantFrom('user', 'assistant', 'system'), content: fc.string({ maxLength: 3 }) }), { maxLength: 3 }),
      text: fc.string({ maxLength: 4 }),
      delay_ms: fc.integer({ min: -5, max: 70_000 }),
      sex: fc.constantFrom('M', 'F', 'X'),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(fc.constantFrom(...JOB_TYPES), fc.oneof(near, fc.jsonValue()), (type: JobType, value) => {
      // A missing healthcheck input means {} (validateInput's documented exception).
      if (published.get(type)!(value) || (type === 'healthcheck' && value === null)) return;
      assert.throws(() => validateInput(type, value), InvalidInputError);
    }),
    { seed: 18, numRuns: 3000 },
  );
});
