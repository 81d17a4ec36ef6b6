import * as v from 'valibot';
import { isAppError, type DecodeReport, type DecodeReporter } from '@keel/network';
import { decode } from './decode';
import { listOf } from './list-of';
import { objectOf } from './object-of';
import { orDefault } from './or-default';

const Line = objectOf({ sku: v.string(), qty: orDefault(v.number(), 0) });
const Doc = objectOf({
  title: orDefault(v.string(), 'untitled'),
  lines: orDefault(listOf(Line), []),
});

describe('decode', () => {
  let reports: DecodeReport[];
  let reporter: DecodeReporter;

  beforeEach(() => {
    reports = [];
    reporter = { repaired: (report) => reports.push(report) };
  });

  it('returns the decoded value and reports nothing when nothing needed repair', () => {
    const value = decode(Doc, { title: 'a', lines: [{ sku: 'x', qty: 2 }] }, 'doc', reporter);
    expect(value).toEqual({ title: 'a', lines: [{ sku: 'x', qty: 2 }] });
    expect(reports).toEqual([]);
  });

  it('gives a missing field its default and reports it by path', () => {
    const value = decode(Doc, { lines: [] }, 'doc', reporter);
    expect(value.title).toBe('untitled');
    expect(reports).toEqual([
      { what: 'doc', repairs: [{ path: 'title', action: 'defaulted', reason: 'missing' }] },
    ]);
  });

  it('names nested fields like the API does: lines[1].qty', () => {
    decode(
      Doc,
      {
        title: 't',
        lines: [
          { sku: 'a', qty: 1 },
          { sku: 'b', qty: null },
        ],
      },
      'doc',
      reporter,
    );
    expect(reports[0].repairs).toEqual([
      { path: 'lines[1].qty', action: 'defaulted', reason: 'null' },
    ]);
  });

  it('says what type a mistyped field had', () => {
    decode(Doc, { title: 42, lines: [] }, 'doc', reporter);
    expect(reports[0].repairs[0].reason).toBe('a number');
  });

  it('drops a list item that fails its schema and reports only the drop, not its inner repairs', () => {
    const value = decode(Doc, { title: 't', lines: [{ qty: 'x' }, { sku: 'b' }] }, 'doc', reporter);
    expect(value.lines).toEqual([{ sku: 'b', qty: 0 }]);
    expect(reports[0].repairs.map((r) => `${r.path} ${r.action}`)).toEqual([
      'lines[0] dropped',
      'lines[1].qty defaulted',
    ]);
  });

  it('throws a parse AppError when the required shape is missing', () => {
    let thrown: unknown;
    try {
      decode(objectOf({ items: listOf(Line) }), { items: 'nope' }, 'page', reporter);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown) && thrown.kind).toBe('parse');
    expect(reports).toEqual([]);
  });

  it('drops unknown fields', () => {
    const value = decode(Doc, { title: 't', lines: [], secret: 'x' }, 'doc', reporter);
    expect(Object.keys(value)).toEqual(['title', 'lines']);
  });

  it('records nothing when a schema runs outside decode', () => {
    expect(v.parse(Doc, {})).toEqual({ title: 'untitled', lines: [] });
    decode(Doc, { title: 't', lines: [] }, 'doc', reporter);
    expect(reports).toEqual([]);
  });
});
