import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** Grey placeholder lines while something loads for the first time; hidden from screen readers. */
@Component({
  selector: 'app-skeleton-lines',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true' },
  template: `
    @for (line of lines(); track line) {
      <span class="line" [style.width.%]="line"></span>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .line {
      display: block;
      height: 16px;
      margin: 14px 0;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      animation: pulse 1.4s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .line {
        animation: none;
      }
    }
  `,
})
export class SkeletonLines {
  readonly count = input(5);
  /** Widths that vary a little, so the placeholder reads as rows of text. */
  protected readonly lines = computed(() =>
    Array.from({ length: this.count() }, (_, i) => 100 - ((i * 17) % 35)),
  );
}
