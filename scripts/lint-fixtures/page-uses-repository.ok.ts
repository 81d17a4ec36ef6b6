// lint as: src/app/features/orders/lint-fixture-page.ts
// A page using a store, and a repository's types (types are fine anywhere).
import { inject } from '@angular/core';
import { OrdersListStore } from './orders-list-store';
import type { OrderQuery } from './orders-repository';

export const store = () => inject(OrdersListStore);
export type Query = OrderQuery;
