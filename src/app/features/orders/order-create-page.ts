import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { isAppError } from '@keel/network';
import { describeError } from '../../shared/describe-error';
import { ErrorSnackbar } from '../../shared/error-snackbar';
import { ErrorState } from '../../shared/error-state';
import { SkeletonLines } from '../../shared/skeleton-lines';
import { CentsPipe } from '../../shared/format';
import { CustomersRepository } from './customers-repository';
import { OrderCreateStore } from './order-create-store';
import { applyServerErrors, newOrderFrom, orderForm, orderLineForm } from './order-form';
import { canWaitInOutbox, keptForLaterMessage } from './order-outbox';
import { injectOrderOutbox } from './outbox-outlet';
import type { NewOrder } from './orders-repository';
import { ProductsRepository } from './products-repository';

/**
 * The create form: a customer, lines of product and quantity, notes. The server's validation
 * errors land on their fields; any other failure offers Retry, which resends the same order
 * with the same Idempotency-Key, so a lost answer never makes a second order.
 */
@Component({
  selector: 'app-order-create-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorState,
    SkeletonLines,
    CentsPipe,
  ],
  providers: [OrderCreateStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './order-create-page.html',
  styleUrl: './order-create-page.scss',
})
export class OrderCreatePage {
  protected readonly store = inject(OrderCreateStore);
  private readonly router = inject(Router);
  private readonly snackbar = inject(ErrorSnackbar);
  private readonly outbox = injectOrderOutbox();
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly customersRepository = inject(CustomersRepository);
  private readonly productsRepository = inject(ProductsRepository);

  protected readonly customers = rxResource({ stream: () => this.customersRepository.list() });
  protected readonly products = rxResource({ stream: () => this.productsRepository.list() });
  protected readonly pickerError = computed(() => {
    const error = this.customers.error() ?? this.products.error();
    return error ? describeError(error, { reading: true }) : null;
  });

  protected readonly form = orderForm();
  protected readonly lines = this.form.controls.lines;
  /** Messages from the server that no field owns. */
  protected readonly formErrors = signal<readonly string[]>([]);
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.value });

  /** What the order will cost at today's prices; the server computes the real total. */
  protected readonly estimate = computed(() => {
    const prices = new Map((this.products.value() ?? []).map((p) => [p.id, p]));
    let cents = 0;
    let currency = 'EUR';
    for (const line of this.value().lines ?? []) {
      const product = prices.get(line.productId ?? '');
      if (!product || product.priceCents === null || !line.quantity) continue;
      cents += product.priceCents * line.quantity;
      currency = product.currency;
    }
    return { cents, currency };
  });

  protected reloadPickers(): void {
    if (this.customers.error()) this.customers.reload();
    if (this.products.error()) this.products.reload();
  }

  protected addLine(): void {
    this.lines.push(orderLineForm());
    afterNextRender(() => this.focus('.line:last-of-type mat-select'), {
      injector: this.injector,
    });
  }

  protected removeLine(index: number): void {
    this.lines.removeAt(index);
    afterNextRender(() => this.focus('.add-line'), { injector: this.injector });
  }

  protected async submit(): Promise<void> {
    this.formErrors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const order = newOrderFrom(this.form);
    const outcome = await this.store.submit(order);
    if (outcome.kind === 'created') {
      this.snackbar.info(`Order ${outcome.order.number || outcome.order.id} created.`);
      await this.router.navigate(['/orders', outcome.order.id]);
      return;
    }
    if (outcome.kind !== 'failed') return;
    const { error } = outcome;
    if (isAppError(error) && error.kind === 'validation' && hasEntries(error.fieldErrors)) {
      this.formErrors.set(applyServerErrors(this.form, error.fieldErrors));
      this.focusFirstInvalid();
      return;
    }
    if (canWaitInOutbox(error)) {
      await this.keepForLater(order, outcome.idempotencyKey, error);
      return;
    }
    // Retry sends the same body, so it keeps the Idempotency-Key: a lost answer replays.
    this.snackbar.show(error, () => void this.submit());
  }

  /**
   * Offline (or the server out of reach after the layer's retries): the order waits in the
   * outbox with the submission's Idempotency-Key, so if the server did get it, the replay
   * returns that order instead of making a second one.
   */
  private async keepForLater(
    order: NewOrder,
    idempotencyKey: string,
    error: unknown,
  ): Promise<void> {
    const customers = new Map((this.customers.value() ?? []).map((c) => [c.id, c.name]));
    const lines = order.items.length === 1 ? '1 line' : `${order.items.length} lines`;
    const summary = `${customers.get(order.customerId) ?? order.customerId} (${lines})`;
    try {
      await this.outbox.queueCreate(order, idempotencyKey, summary);
    } catch {
      this.snackbar.info('The order could not be kept on this device. Try again once online.');
      return;
    }
    this.snackbar.info(keptForLaterMessage(error, 'The order'));
    await this.router.navigateByUrl('/orders');
  }

  private focusFirstInvalid(): void {
    afterNextRender(
      () =>
        this.focus(
          '.mat-form-field-invalid input, .mat-form-field-invalid mat-select, .mat-form-field-invalid textarea, .form-errors',
        ),
      { injector: this.injector },
    );
  }

  private focus(selector: string): void {
    this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus();
  }
}

function hasEntries(value: object): boolean {
  return Object.keys(value).length > 0;
}
