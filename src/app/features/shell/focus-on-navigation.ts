import { DestroyRef, inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter, map, pairwise } from 'rxjs';

/**
 * After a navigation to another page (not a query change such as typing in a search box, and
 * not the page load itself, where focus belongs at the start of the document), moves focus to
 * `target`, so keyboard and screen reader users start at the new page's content instead of on a
 * link that is gone (WCAG 2.4.3).
 */
export function focusOnNavigation(target: () => HTMLElement | undefined): void {
  const router = inject(Router);
  const subscription = router.events
    .pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
      pairwise(),
      filter(([before, after]) => before !== after),
    )
    .subscribe(() => target()?.focus());
  inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
}
