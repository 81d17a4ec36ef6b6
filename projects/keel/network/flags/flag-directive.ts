import { Directive, TemplateRef, ViewContainerRef, effect, inject, input } from '@angular/core';
import { FeatureFlagsStore } from './feature-flags-store';
import type { BooleanFlagName } from './flag-registry';

/**
 * Shows its template while a boolean flag is on, the `else` template otherwise, and switches
 * live when the flag changes: `<section *keelFlag="'enable_new_ui'; else classic">`.
 * Renders nothing until the flags are ready (cached values, the first load, or the bounded wait
 * of `FeatureFlagsStore.whenReady()` ran out), so gated UI never flickers from the default to
 * the real value.
 */
@Directive({ selector: '[keelFlag]' })
export class KeelFlag {
  private readonly store = inject(FeatureFlagsStore);
  private readonly template = inject(TemplateRef<unknown>);
  private readonly container = inject(ViewContainerRef);

  readonly keelFlag = input.required<BooleanFlagName>();
  readonly keelFlagElse = input<TemplateRef<unknown> | null>(null);

  private shown: TemplateRef<unknown> | null = null;

  constructor() {
    // Starts the bounded wait when nothing is cached yet; the effect below renders once ready.
    void this.store.whenReady();
    effect(() => {
      const next = !this.store.ready()
        ? null
        : this.store.value(this.keelFlag())
          ? this.template
          : this.keelFlagElse();
      if (next === this.shown) return;
      this.container.clear();
      if (next) this.container.createEmbeddedView(next);
      this.shown = next;
    });
  }
}
