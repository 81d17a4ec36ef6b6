// lint as: src/app/features/orders/lint-fixture-store.ts
// A store is where a repository is used.
import { inject } from '@angular/core';
import { OrdersRepository } from './orders-repository';

export const repository = () => inject(OrdersRepository);
