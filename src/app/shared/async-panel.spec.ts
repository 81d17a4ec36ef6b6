import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AsyncPanel, type PanelResource } from './async-panel';

@Component({
  imports: [AsyncPanel],
  template: `
    <app-async-panel heading="Today" reserve="128px" [resource]="resource">
      @if (!loading()) {
        <p style="height: 40px; margin: 0">loaded</p>
      }
    </app-async-panel>
  `,
})
class Host {
  readonly loading = signal(true);
  readonly resource: PanelResource = {
    isLoading: this.loading,
    hasValue: () => !this.loading(),
    error: signal(undefined),
    reload: () => true,
  };
}

describe('AsyncPanel', () => {
  it('keeps the reserved height for its content from the skeleton to the data', async () => {
    const fixture = TestBed.createComponent(Host);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const content = () =>
      (fixture.nativeElement as HTMLElement).querySelector('mat-card-content') as HTMLElement;
    const loadingHeight = content().getBoundingClientRect().height;
    expect(loadingHeight).toBeGreaterThanOrEqual(128);
    fixture.componentInstance.loading.set(false);
    await fixture.whenStable();
    expect(content().textContent).toContain('loaded');
    expect(content().getBoundingClientRect().height).toBe(loadingHeight);
    fixture.nativeElement.remove();
  });
});
