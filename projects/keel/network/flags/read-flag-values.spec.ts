import { readFlagValues } from './read-flag-values';
import { TEST_FLAGS } from '../spec-support/test-flags';

describe('readFlagValues', () => {
  it('keeps declared flags whose value has the declared type', () => {
    expect(readFlagValues({ enable_new_ui: true, orders_page_size: 50 }, TEST_FLAGS)).toEqual({
      values: { enable_new_ui: true, orders_page_size: 50 },
      issues: [],
    });
  });

  it('leaves out an unknown flag and names it', () => {
    expect(readFlagValues({ enable_time_travel: true }, TEST_FLAGS)).toEqual({
      values: {},
      issues: [{ kind: 'unknown-flag', name: 'enable_time_travel' }],
    });
  });

  it('leaves out a value of the wrong type and says what it was', () => {
    expect(readFlagValues({ orders_page_size: '50' }, TEST_FLAGS).issues).toEqual([
      { kind: 'wrong-type', name: 'orders_page_size', expected: 'number', received: 'string' },
    ]);
  });

  it('tells null and arrays apart from objects', () => {
    const { issues } = readFlagValues(
      { enable_new_ui: null, enable_order_export: [true] },
      TEST_FLAGS,
    );
    expect(issues.map((i) => (i.kind === 'wrong-type' ? i.received : i.kind))).toEqual([
      'null',
      'array',
    ]);
  });

  it('refuses a number that is not finite', () => {
    expect(readFlagValues({ orders_page_size: Number.NaN }, TEST_FLAGS).values).toEqual({});
  });

  it('does not take inherited names such as toString for flags', () => {
    expect(readFlagValues({ toString: true }, TEST_FLAGS).issues).toEqual([
      { kind: 'unknown-flag', name: 'toString' },
    ]);
  });
});
