import { HttpContext } from '@angular/common/http';
import { DEADLINE } from './deadline-interceptor';

describe('the deadline stage', () => {
  it('leaves DEADLINE null on a call that does not set it (null: the layer’s default)', () => {
    expect(new HttpContext().get(DEADLINE)).toBeNull();
    expect(new HttpContext().set(DEADLINE, 2000).get(DEADLINE)).toBe(2000);
  });
});
