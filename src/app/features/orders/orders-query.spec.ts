import { convertToParamMap } from '@angular/router';
import { queryFromParams, sortFromParams } from './orders-query';

describe('orders query in the URL', () => {
  it('reads search, status, page and page size', () => {
    const params = convertToParamMap({ q: 'ada', status: 'paid', page: '3', pageSize: '50' });
    expect(queryFromParams(params, 20)).toEqual({
      q: 'ada',
      status: 'paid',
      page: 3,
      pageSize: 50,
    });
  });

  it('uses the defaults for an empty URL', () => {
    expect(queryFromParams(convertToParamMap({}), 20)).toEqual({
      q: '',
      status: null,
      page: 1,
      pageSize: 20,
    });
  });

  it('ignores values the API would refuse instead of sending them', () => {
    const params = convertToParamMap({ status: 'lost', page: '-2', pageSize: '500' });
    expect(queryFromParams(params, 20)).toEqual({ q: '', status: null, page: 1, pageSize: 20 });
  });

  it('reads a sort column and direction, ascending unless told otherwise', () => {
    expect(sortFromParams(convertToParamMap({ sort: 'total', dir: 'desc' }))).toEqual({
      column: 'total',
      direction: 'desc',
    });
    expect(sortFromParams(convertToParamMap({ sort: 'total' })).direction).toBe('asc');
  });

  it('ignores an unknown sort column', () => {
    expect(sortFromParams(convertToParamMap({ sort: 'margin' })).column).toBeNull();
  });
});
