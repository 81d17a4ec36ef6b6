// lint as: src/app/features/orders/lint-fixture-formatting.ts
// A component formatting a date with Angular's DatePipe.
import { DatePipe } from '@angular/common';

export const pipes = [DatePipe];
