// lint as: src/app/features/orders/lint-fixture-formatting.ts
// A component formatting a date with the app's Intl pipes, and other parts of @angular/common.
import { DOCUMENT } from '@angular/common';
import { DateTimePipe } from '../../shared/format';

export const pipes = [DateTimePipe];
export const document = DOCUMENT;
