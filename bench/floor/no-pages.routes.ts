import type { Routes } from '@angular/router';

/** No pages at all (bench/floor/README.md). */
export const routes: Routes = [];
