import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DECODE_REPORTER, type DecodeReport } from '@keel/network/data';
import { type NetworkLayerTesting, collect, networkLayerTesting } from '@keel/network/testing';
import { OrdersRepository, type OrderQuery } from './orders-repository';
import { apiOrder, without } from './testing/order-fixtures';

const QUERY: OrderQuery = { q: '', status: null, page: 1, pageSize: 20 };

describe('OrdersRepository', () => {
  let repository: OrdersRepository;
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
    repository = TestBed.inject(OrdersRepository);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  function listWith(body: object | string) {
    const call = collect(repository.list(QUERY));
    backend.expectOne((r) => r.url === '/api/orders').flush(body);
    return call;
  }

  describe('list', () => {
    it('sends the filter and page, leaving out an empty search and status', () => {
      collect(repository.list({ q: '  ada ', status: 'paid', page: 3, pageSize: 50 }));
      const request = backend.expectOne((r) => r.url === '/api/orders');
      expect(request.request.params.toString()).toBe('page=3&pageSize=50&q=ada&status=paid');
      request.flush({ items: [], total: 0, page: 3, pageSize: 50 });
    });

    it('decodes a well-formed page without reporting anything', () => {
      const call = listWith({ items: [apiOrder()], total: 1, page: 1, pageSize: 20 });
      expect(call.value?.items[0].number).toBe('ORD-10001');
      expect(call.value?.total).toBe(1);
      expect(reports).toEqual([]);
    });

    it('gives missing optional fields safe defaults and reports them', () => {
      const partial = without(apiOrder(), 'notes', 'currency', 'totalCents');
      const call = listWith({ items: [partial], total: 1, page: 1, pageSize: 20 });
      const decoded = call.value?.items[0];
      expect([decoded?.notes, decoded?.currency, decoded?.totalCents]).toEqual(['', 'EUR', null]);
      expect(reports[0].repairs.map((r) => r.path)).toEqual([
        'items[0].totalCents',
        'items[0].currency',
        'items[0].notes',
      ]);
    });

    it('replaces wrongly typed fields with defaults instead of failing', () => {
      const call = listWith({
        items: [apiOrder({ notes: 7, totalCents: '30.00', items: 'two' })],
        total: 1,
      });
      const decoded = call.value?.items[0];
      expect([decoded?.notes, decoded?.totalCents, decoded?.items]).toEqual(['', null, []]);
    });

    it('treats nulls as missing', () => {
      const call = listWith({
        items: [apiOrder({ customerName: null, createdAt: null })],
        total: 1,
      });
      expect(call.value?.items[0].customerName).toBe('');
      expect(call.value?.items[0].createdAt).toBe('');
    });

    it('turns a status it does not know into unknown', () => {
      const call = listWith({ items: [apiOrder({ status: 'refunded' })], total: 1 });
      expect(call.value?.items[0].status).toBe('unknown');
    });

    it('drops fields it does not know', () => {
      const call = listWith({ items: [apiOrder({ internalMargin: 12 })], total: 1, debug: true });
      expect(Object.keys(call.value?.items[0] ?? {})).not.toContain('internalMargin');
      expect(Object.keys(call.value ?? {})).not.toContain('debug');
    });

    it('drops an item without an id and reports the drop', () => {
      const withoutId = without(apiOrder({ number: 'ORD-2' }), 'id');
      const call = listWith({ items: [withoutId, apiOrder()], total: 2, page: 1, pageSize: 20 });
      expect(call.value?.items.map((o) => o.id)).toEqual(['ord_1']);
      expect(reports[0].repairs).toEqual([
        jasmine.objectContaining({ path: 'items[0]', action: 'dropped' }),
      ]);
    });

    it('drops an order line without a product id but keeps the order', () => {
      const call = listWith({
        items: [apiOrder({ items: [{ quantity: 1 }, { productId: 'prd_2', quantity: 1 }] })],
        total: 1,
      });
      expect(call.value?.items[0].items.map((l) => l.productId)).toEqual(['prd_2']);
    });

    it('uses the number of items as the total when the total is missing', () => {
      const call = listWith({ items: [apiOrder()] });
      expect(call.value?.total).toBe(1);
    });

    it('fails as parse when items is not a list', () => {
      const call = listWith({ items: null, total: 0 });
      expect(call.error?.kind).toBe('parse');
    });

    it('fails as parse when the body is not an object', () => {
      const call = listWith('{"items":[{');
      expect(call.error?.kind).toBe('parse');
    });

    it('fails as parse when a 2xx body is not JSON at all, on every attempt', () => {
      const call = collect(repository.list(QUERY));
      for (let attempt = 0; attempt < 3; attempt++) {
        backend
          .expectOne((r) => r.url === '/api/orders')
          .error(new ProgressEvent('error'), { status: 200, statusText: 'OK' });
        layer.clock.advance(5000);
      }
      expect(call.error?.kind).toBe('parse');
    });

    it('gets the list when the attempt after a garbled body answers', () => {
      const call = collect(repository.list(QUERY));
      backend
        .expectOne((r) => r.url === '/api/orders')
        .error(new ProgressEvent('error'), { status: 200, statusText: 'OK' });
      layer.clock.advance(5000);
      backend
        .expectOne((r) => r.url === '/api/orders')
        .flush({ items: [apiOrder()], total: 1, page: 1, pageSize: 20 });
      expect(call.value?.items.length).toBe(1);
    });
  });

  describe('get', () => {
    it('returns the order with the ETag the server sent', () => {
      const call = collect(repository.get('ord_1'));
      backend.expectOne('/api/orders/ord_1').flush(apiOrder({ version: 3 }), {
        headers: { ETag: '"4"' },
      });
      expect(call.value?.etag).toBe('"4"');
      expect(call.value?.order.id).toBe('ord_1');
    });

    it('builds the ETag from the version when the header is missing', () => {
      const call = collect(repository.get('ord_1'));
      backend.expectOne('/api/orders/ord_1').flush(apiOrder({ version: 7 }));
      expect(call.value?.etag).toBe('"7"');
    });

    it('has no ETag when neither the header nor the version is there', () => {
      const call = collect(repository.get('ord_1'));
      backend.expectOne('/api/orders/ord_1').flush(apiOrder({ version: 'seven' }));
      expect(call.value?.etag).toBeNull();
    });

    it('fails as parse when the order has no id', () => {
      const call = collect(repository.get('ord_1'));
      backend.expectOne('/api/orders/ord_1').flush(apiOrder({ id: '' }));
      expect(call.error?.kind).toBe('parse');
    });

    it('escapes the id in the URL', () => {
      const call = collect(repository.get('a/b'));
      backend.expectOne('/api/orders/a%2Fb').flush(apiOrder());
      expect(call.value?.order.id).toBe('ord_1');
    });
  });

  describe('writes', () => {
    it('creates with the idempotency key it is given', () => {
      const call = collect(
        repository.create(
          { customerId: 'cus_001', items: [{ productId: 'p', quantity: 1 }] },
          'key-1',
        ),
      );
      const request = backend.expectOne('/api/orders');
      expect(request.request.method).toBe('POST');
      expect(request.request.headers.get('Idempotency-Key')).toBe('key-1');
      request.flush(apiOrder(), { status: 201, statusText: 'Created' });
      expect(call.value?.id).toBe('ord_1');
    });

    it('updates with If-Match and an idempotency key', () => {
      const call = collect(repository.update('ord_1', { status: 'paid' }, '"1"'));
      const request = backend.expectOne('/api/orders/ord_1');
      expect(request.request.method).toBe('PATCH');
      expect(request.request.body).toEqual({ status: 'paid' });
      expect(request.request.headers.get('If-Match')).toBe('"1"');
      expect(request.request.headers.get('Idempotency-Key')).toBeTruthy();
      request.flush(apiOrder({ status: 'paid', version: 2 }), { headers: { ETag: '"2"' } });
      expect(call.value?.etag).toBe('"2"');
    });

    it('maps a stale If-Match to precondition-failed', () => {
      const call = collect(repository.update('ord_1', { notes: 'x' }, '"1"'));
      backend
        .expectOne('/api/orders/ord_1')
        .flush(
          { type: '/problems/precondition-failed', title: 'Precondition failed', status: 412 },
          { status: 412, statusText: 'Precondition Failed' },
        );
      expect(call.error?.kind).toBe('precondition-failed');
    });

    it('deletes', () => {
      const call = collect(repository.delete('ord_1'));
      const request = backend.expectOne('/api/orders/ord_1');
      expect(request.request.method).toBe('DELETE');
      request.flush(null, { status: 204, statusText: 'No Content' });
      expect(call.subscription.closed).toBe(true);
      expect(call.error).toBeUndefined();
    });
  });
});
