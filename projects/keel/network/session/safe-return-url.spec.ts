import { safeReturnUrl } from './safe-return-url';

describe('safeReturnUrl', () => {
  for (const url of ['/orders/3', '/orders?page=2', '/', '/orders//']) {
    it(`keeps the same-app path ${url}`, () => expect(safeReturnUrl(url)).toBe(url));
  }

  for (const url of [
    undefined,
    '',
    'orders/3',
    'https://evil.example/orders',
    '//evil.example/orders',
    'javascript:alert(1)',
  ]) {
    it(`sends ${JSON.stringify(url)} to the dashboard instead`, () =>
      expect(safeReturnUrl(url)).toBe('/dashboard'));
  }
});
