import { HttpContext } from '@angular/common/http';
import { ATTEMPT_TIMEOUT } from './attempt-timeout-interceptor';

describe('the attempt timeout stage', () => {
  it('leaves ATTEMPT_TIMEOUT null on a call that does not set it (null: the layer’s default)', () => {
    expect(new HttpContext().get(ATTEMPT_TIMEOUT)).toBeNull();
    expect(new HttpContext().set(ATTEMPT_TIMEOUT, 2000).get(ATTEMPT_TIMEOUT)).toBe(2000);
  });
});
