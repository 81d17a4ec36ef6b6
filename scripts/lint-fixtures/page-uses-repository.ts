// lint as: src/app/features/orders/lint-fixture-page.ts
// A page injecting a repository instead of a store.
import { inject } from '@angular/core';
import { OrdersRepository } from './orders-repository';

export const repository = () => inject(OrdersRepository);
