import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import * as v from 'valibot';
import { DECODE_REPORTER, decodeWith, listOf, objectOf, orDefault } from '@keel/network/data';

const ProductSchema = objectOf({
  id: v.pipe(v.string(), v.minLength(1)),
  name: orDefault(v.string(), ''),
  sku: orDefault(v.string(), ''),
  // A missing price shows as "—", never as a free product.
  priceCents: orDefault(v.nullable(v.number()), null),
  currency: orDefault(v.pipe(v.string(), v.length(3)), 'EUR'),
});

const ProductsSchema = v.pipe(
  objectOf({ items: listOf(ProductSchema) }),
  v.transform((page) => page.items),
);

export type Product = v.InferOutput<typeof ProductSchema>;

/** Products, for the order form's line pickers. */
@Injectable({ providedIn: 'root' })
export class ProductsRepository {
  private readonly http = inject(HttpClient);
  private readonly reporter = inject(DECODE_REPORTER);

  list(): Observable<readonly Product[]> {
    return this.http
      .get<unknown>('/api/products')
      .pipe(decodeWith(ProductsSchema, 'products', this.reporter));
  }
}
