import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DECODE_REPORTER, type DecodeReport } from '@keel/network/data';
import { type NetworkLayerTesting, collect, networkLayerTesting } from '@keel/network/testing';
import { ProductsRepository } from './products-repository';
import { without } from './testing/order-fixtures';

const PRODUCT = { id: 'prd_1', name: 'Anchor', sku: 'KEEL-001', priceCents: 1500, currency: 'EUR' };

describe('ProductsRepository', () => {
  let backend: HttpTestingController;
  let layer: NetworkLayerTesting;
  let reports: DecodeReport[];

  beforeEach(() => {
    reports = [];
    TestBed.configureTestingModule({
      providers: [
        ...(layer = networkLayerTesting()).providers,
        { provide: DECODE_REPORTER, useValue: { repaired: (r: DecodeReport) => reports.push(r) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  function listWith(body: object | string) {
    const call = collect(TestBed.inject(ProductsRepository).list());
    backend.expectOne('/api/products').flush(body);
    return call;
  }

  it('decodes products', () => {
    expect(listWith({ items: [PRODUCT], total: 1 }).value).toEqual([PRODUCT]);
  });

  it('never turns a missing price into a free product', () => {
    const withoutPrice = without(PRODUCT, 'priceCents');
    expect(listWith({ items: [withoutPrice] }).value?.[0].priceCents).toBeNull();
    expect(reports[0].repairs[0].path).toBe('items[0].priceCents');
  });

  it('replaces a price sent as text, and a bad currency, with safe defaults', () => {
    const call = listWith({ items: [{ ...PRODUCT, priceCents: '15.00', currency: 42 }] });
    expect(call.value?.[0]).toEqual({ ...PRODUCT, priceCents: null, currency: 'EUR' });
  });

  it('treats a null sku as empty and drops unknown fields', () => {
    const call = listWith({ items: [{ ...PRODUCT, sku: null, stock: 3 }] });
    expect(call.value?.[0]).toEqual({ ...PRODUCT, sku: '' });
  });

  it('drops a product whose id is not a string', () => {
    const call = listWith({
      items: [
        { ...PRODUCT, id: 12 },
        { ...PRODUCT, id: 'prd_2' },
      ],
    });
    expect(call.value?.map((p) => p.id)).toEqual(['prd_2']);
  });

  it('fails as parse when items is an object', () => {
    expect(listWith({ items: {} }).error?.kind).toBe('parse');
  });

  it('fails as parse when the body is not JSON on every attempt the layer makes', () => {
    const call = collect(TestBed.inject(ProductsRepository).list());
    for (let attempt = 0; attempt < 3; attempt++) {
      backend.expectOne('/api/products').error(new ProgressEvent('error'), { status: 200 });
      layer.clock.advance(5000);
    }
    expect(call.error?.kind).toBe('parse');
    expect(call.error?.attempts).toBe(3);
  });
});
