// lint as: src/app/features/orders/lint-fixture-button.ts
// A page outside the first load may use MatButton.
import { MatButtonModule } from '@angular/material/button';

export const imports = [MatButtonModule];
