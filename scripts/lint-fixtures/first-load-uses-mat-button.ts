// lint as: src/app/features/dashboard/lint-fixture-button.ts
// A part of the dashboard drawing its button with Material's MatButton.
import { MatButtonModule } from '@angular/material/button';

export const imports = [MatButtonModule];
