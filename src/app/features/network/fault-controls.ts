import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { type Observable, firstValueFrom } from 'rxjs';
import { isAppError } from '@keel/network';
import { DevApiRepository } from './dev-api-repository';

const rateValidators = [Validators.min(0), Validators.max(1)];

/** The dev API's fault controls: chaos, token expiry, flags, version policy, reset. */
@Component({
  selector: 'app-fault-controls',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fault-controls.html',
  styleUrl: './fault-controls.scss',
})
export class FaultControls {
  private readonly devApi = inject(DevApiRepository);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly busy = signal(false);
  protected readonly status = signal('');

  protected readonly chaos = this.fb.group({
    latencyMs: [0, [Validators.min(0), Validators.max(60_000)]],
    jitterMs: [0, [Validators.min(0), Validators.max(60_000)]],
    failRate: [0, rateValidators],
    failStatus: [503, [Validators.min(400), Validators.max(599)]],
    retryAfterS: [null as number | null, [Validators.min(0)]],
    dropRate: [0, rateValidators],
    hangRate: [0, rateValidators],
    malformedRate: [0, rateValidators],
    dropAfterCommitRate: [0, rateValidators],
    routes: [''],
  });

  protected readonly flags = this.fb.group({ enable_new_ui: [false], enable_order_export: [true] });
  protected readonly version = this.fb.group({ minVersion: [''], deprecatedBelow: [''] });

  protected applyChaos(): void {
    if (this.chaos.invalid) {
      this.chaos.markAllAsTouched();
      return;
    }
    const { routes, retryAfterS, ...rest } = this.chaos.getRawValue();
    const list = routes
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    void this.run(
      this.devApi.setChaos({ ...rest, retryAfterS: retryAfterS ?? null, routes: list }),
      'Faults applied.',
    );
  }

  protected expireTokens(): void {
    void this.run(this.devApi.expireTokens(), 'Every access token issued so far is now rejected.');
  }

  protected applyFlags(): void {
    void this.run(
      this.devApi.setFlags(this.flags.getRawValue()),
      'Flags changed; the app picks them up with its next API response.',
    );
  }

  protected applyVersionPolicy(): void {
    const { minVersion, deprecatedBelow } = this.version.getRawValue();
    void this.run(
      this.devApi.setVersionPolicy({
        minVersion: minVersion.trim() || null,
        deprecatedBelow: deprecatedBelow.trim() || null,
      }),
      'Version policy applied.',
    );
  }

  protected resetAll(): void {
    this.chaos.reset();
    void this.run(this.devApi.reset(), 'Faults, flags, version policy and server stats are reset.');
  }

  private async run(call: Observable<unknown>, done: string): Promise<void> {
    this.busy.set(true);
    this.status.set('Working…');
    try {
      await firstValueFrom(call);
      this.status.set(done);
    } catch (error) {
      const message = isAppError(error) ? error.message : 'The dev API did not answer.';
      this.status.set(
        `${message} (Fault controls need the dev API, which runs only in development.)`,
      );
    } finally {
      this.busy.set(false);
    }
  }
}
