import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import * as v from 'valibot';
import { DECODE_REPORTER, decodeWith, listOf, objectOf, orDefault } from '@keel/network/data';

const CustomerSchema = objectOf({
  id: v.pipe(v.string(), v.minLength(1)),
  name: orDefault(v.string(), ''),
  email: orDefault(v.string(), ''),
});

const CustomersSchema = v.pipe(
  objectOf({ items: listOf(CustomerSchema) }),
  v.transform((page) => page.items),
);

export type Customer = v.InferOutput<typeof CustomerSchema>;

/** Customers, for the order form's picker. */
@Injectable({ providedIn: 'root' })
export class CustomersRepository {
  private readonly http = inject(HttpClient);
  private readonly reporter = inject(DECODE_REPORTER);

  list(): Observable<readonly Customer[]> {
    return this.http
      .get<unknown>('/api/customers')
      .pipe(decodeWith(CustomersSchema, 'customers', this.reporter));
  }
}
