import { type ProblemDetails, fieldErrors, parseProblem } from './problem-details';

describe('parseProblem', () => {
  const body = {
    type: 'https://keel.example/problems/out-of-stock',
    title: 'Out of stock',
    status: 409,
    detail: 'Only 2 left.',
    instance: '/api/orders/42',
    available: 2,
  };

  it('reads a problem details object', () => {
    expect(parseProblem(body)).toEqual(jasmine.objectContaining(body));
  });

  it('keeps extension members', () => {
    expect(parseProblem(body)?.['available']).toBe(2);
  });

  it('reads a problem details body that arrived as a JSON string', () => {
    expect(parseProblem(JSON.stringify(body))).toEqual(jasmine.objectContaining(body));
  });

  it('returns undefined for a string that is not JSON', () => {
    expect(parseProblem('<html>Bad gateway</html>')).toBeUndefined();
  });

  it('returns undefined for a JSON string that is not an object', () => {
    expect(parseProblem('"oops"')).toBeUndefined();
  });

  it('returns undefined when there is no title', () => {
    expect(parseProblem({ type: 'about:blank', status: 500 })).toBeUndefined();
  });

  it('returns undefined when the title is not a string', () => {
    expect(parseProblem({ type: 'about:blank', title: 42 })).toBeUndefined();
  });

  it('returns undefined for an array', () => {
    expect(parseProblem([{ title: 'Not a problem' }])).toBeUndefined();
  });

  it('returns undefined for null', () => {
    expect(parseProblem(null)).toBeUndefined();
  });

  it('returns undefined for undefined', () => {
    expect(parseProblem(undefined)).toBeUndefined();
  });

  it('returns undefined for a number', () => {
    expect(parseProblem(404)).toBeUndefined();
  });

  it('defaults a missing type to about:blank', () => {
    expect(parseProblem({ title: 'Not Found' })?.type).toBe('about:blank');
  });

  it('defaults a non-string type to about:blank', () => {
    expect(parseProblem({ type: 7, title: 'Not Found' })?.type).toBe('about:blank');
  });

  it('drops a status that is not a number', () => {
    expect(parseProblem({ title: 'Teapot', status: '418' })?.status).toBeUndefined();
  });
});

describe('fieldErrors', () => {
  it('groups several messages of one field', () => {
    const problem = validation([
      { field: 'email', message: 'Required' },
      { field: 'email', message: 'Must be an email address' },
      { field: 'items.0.quantity', message: 'Must be at least 1' },
    ]);
    expect(fieldErrors(problem)).toEqual({
      email: ['Required', 'Must be an email address'],
      'items.0.quantity': ['Must be at least 1'],
    });
  });

  it('ignores entries that are not objects', () => {
    const problem = validation([
      null,
      'email is required',
      42,
      ['email'],
      { field: 'name', message: 'Required' },
    ]);
    expect(fieldErrors(problem)).toEqual({ name: ['Required'] });
  });

  it('ignores entries without a string message', () => {
    const problem = validation([
      { field: 'email' },
      { field: 'email', message: 7 },
      { field: 'name', message: 'Required' },
    ]);
    expect(fieldErrors(problem)).toEqual({ name: ['Required'] });
  });

  it('files a message without a field under the empty key, for the form as a whole', () => {
    const problem = validation([{ message: 'Pick at least one item' }]);
    expect(fieldErrors(problem)).toEqual({ '': ['Pick at least one item'] });
  });

  it('files a message whose field is not a text under the empty key', () => {
    const problem = validation([{ field: 3, message: 'Too many items' }]);
    expect(fieldErrors(problem)).toEqual({ '': ['Too many items'] });
  });

  it('returns no field errors when errors is not an array', () => {
    expect(fieldErrors(validation({ email: 'Required' }))).toEqual({});
  });

  it('returns no field errors without a problem', () => {
    expect(fieldErrors(undefined)).toEqual({});
  });
});

function validation(errors: unknown): ProblemDetails {
  return { type: 'about:blank', title: 'Validation failed', status: 422, errors };
}
