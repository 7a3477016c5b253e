import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { compileValidator } from './compile-validator.ts';
import { pointerToPath, type SchemaError, toFieldErrors } from './field-errors.ts';

const Shape = Type.Object(
  {
    date: Type.String({ format: 'date' }),
    count: Type.Integer({ minimum: 1 }),
    sex: Type.Union([Type.Literal('M'), Type.Literal('F'), Type.Literal('X')]),
    nested: Type.Object({ name: Type.String({ minLength: 2 }) }, { additionalProperties: false }),
    list: Type.Array(Type.Object({ from: Type.String({ format: 'date' }) })),
  },
  { additionalProperties: false },
);
const validate = compileValidator(Shape);
const errorsOf = (input: unknown): SchemaError[] => {
  const result = validate(input);
  return result.ok ? [] : result.errors;
};

describe('toFieldErrors', () => {
  it('lists every offending field once, with its rule, in Dutch by default', () => {
    const errors = errorsOf({
      date: '2026-02-30',
      count: 0,
      sex: 'Q',
      nested: { extra: 1 },
      list: [{ from: 'x' }],
      bogus: 1,
    });
    const fields = toFieldErrors(errors, 'nl');
    expect(fields.map((f) => `${f.path} ${f.rule}`).sort()).toEqual(
      [
        'bogus additionalProperties',
        'count minimum',
        'date format:date',
        'list[0].from format:date',
        'nested.extra additionalProperties',
        'nested.name required',
        'sex enum',
      ].sort(),
    );
    expect(fields.find((f) => f.path === 'sex')?.message).toBe('moet een van deze waarden zijn: M, F, X');
    expect(fields.find((f) => f.path === 'count')?.message).toBe('moet minstens 1 zijn');
  });

  it('names unknown fields even when there are more of them than the error cap', () => {
    const many = Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`p${i}`, 1]));
    const fields = toFieldErrors(errorsOf({ ...many, date: '2026-01-01', count: 1, sex: 'M' }), 'nl');
    expect(fields.length).toBeGreaterThan(100);
    expect(fields).toContainEqual(expect.objectContaining({ path: 'p0', rule: 'additionalProperties' }));
    expect(new Set(fields.map((f) => f.path)).size).toBe(fields.length);
  });

  it('speaks French and English', () => {
    const errors = errorsOf({ date: 'x', count: 1, sex: 'M', nested: { name: 'ab' }, list: [] });
    expect(toFieldErrors(errors, 'fr')[0]?.message).toBe(
      'doit être une date valide (AAAA-MM-JJ), du 1900-01-01 au 2199-12-31',
    );
    expect(toFieldErrors(errors, 'en')[0]?.message).toBe(
      'must be a valid date (YYYY-MM-DD) from 1900-01-01 to 2199-12-31',
    );
  });

  it('names the kind of value a field takes in plain words, never the schema type list', () => {
    const nullable: SchemaError = {
      keyword: 'type',
      instancePath: '/job/grossAnnualSalary',
      params: { type: ['number', 'null'] },
    };
    expect(toFieldErrors([nullable], 'nl')[0]).toEqual({
      path: 'job.grossAnnualSalary',
      rule: 'type',
      message: 'moet een getal zijn',
    });
    expect(toFieldErrors([nullable], 'fr')[0]?.message).toBe('doit être un nombre');
    const integer = errorsOf({
      date: '2026-01-01',
      count: 'two',
      sex: 'M',
      nested: { name: 'ab' },
      list: [],
    });
    expect(toFieldErrors(integer, 'en')[0]?.message).toBe('must be a whole number');
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const odd = toFieldErrors([{ ...nullable, params: { type: 'weird' } }], lang)[0]?.message ?? '';
      expect(odd).not.toMatch(/weird|\[|\{\{/);
    }
  });

  it('says a broken nullable field once, by its own rule, and a required choice in words', () => {
    const Form = Type.Object({
      postalCode: Type.Union([Type.String({ pattern: '^[1-9][0-9]{3}$' }), Type.Null()]),
      kind: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Null()]),
      occupationIds: Type.Array(Type.String(), { minItems: 1 }),
    });
    const result = compileValidator(Form)({ postalCode: '12', kind: 'Q', occupationIds: [] });
    const fields = toFieldErrors(result.ok ? [] : result.errors, 'nl');
    expect(fields.map((f) => `${f.path} ${f.rule}: ${f.message}`)).toEqual([
      'postalCode pattern: heeft niet de juiste vorm',
      'kind enum: moet een van deze waarden zijn: A, B',
      'occupationIds minItems: is verplicht: kies er minstens één',
    ]);
  });

  it('turns JSON pointers into dotted paths', () => {
    expect(pointerToPath('/labourMarketTest/publications/0/from')).toBe(
      'labourMarketTest.publications[0].from',
    );
    expect(pointerToPath('/lang', 'query')).toBe('query.lang');
    expect(pointerToPath('')).toBe('');
  });
});
