import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DECODE_REPORTER, type DecodeReport } from '@keel/network/data';
import { type NetworkLayerTesting, collect, networkLayerTesting } from '@keel/network/testing';
import { CustomersRepository } from './customers-repository';

describe('CustomersRepository', () => {
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
    const call = collect(TestBed.inject(CustomersRepository).list());
    backend.expectOne('/api/customers').flush(body);
    return call;
  }

  it('decodes customers', () => {
    const call = listWith({ items: [{ id: 'cus_1', name: 'Ada', email: 'a@x.dev' }], total: 1 });
    expect(call.value).toEqual([{ id: 'cus_1', name: 'Ada', email: 'a@x.dev' }]);
  });

  it('gives a missing email and a null name their defaults', () => {
    const call = listWith({ items: [{ id: 'cus_1', name: null }] });
    expect(call.value).toEqual([{ id: 'cus_1', name: '', email: '' }]);
    expect(reports[0].repairs.map((r) => `${r.path}: ${r.reason}`)).toEqual([
      'items[0].name: null',
      'items[0].email: missing',
    ]);
  });

  it('replaces a wrongly typed name and drops extra fields', () => {
    const call = listWith({ items: [{ id: 'cus_1', name: 5, email: 'e', vip: true }] });
    expect(call.value).toEqual([{ id: 'cus_1', name: '', email: 'e' }]);
  });

  it('drops a customer without an id', () => {
    const call = listWith({ items: [{ name: 'Nobody' }, { id: 'cus_2', name: 'B', email: '' }] });
    expect(call.value?.map((c) => c.id)).toEqual(['cus_2']);
    expect(reports[0].repairs[0]).toEqual(
      jasmine.objectContaining({ path: 'items[0]', action: 'dropped' }),
    );
  });

  it('fails as parse without an items list', () => {
    expect(listWith({ customers: [] }).error?.kind).toBe('parse');
  });

  it('fails as parse when the body is not JSON on every attempt the layer makes', () => {
    const call = collect(TestBed.inject(CustomersRepository).list());
    for (let attempt = 0; attempt < 3; attempt++) {
      backend.expectOne('/api/customers').error(new ProgressEvent('error'), { status: 200 });
      layer.clock.advance(5000);
    }
    expect(call.error?.kind).toBe('parse');
    expect(call.error?.attempts).toBe(3);
  });
});
