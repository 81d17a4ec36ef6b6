import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import type { FieldErrors } from '@keel/network';
import type { NewOrder } from './orders-repository';

/** One line of the create form: a product and how many. */
export type OrderLineForm = FormGroup<{
  productId: FormControl<string>;
  quantity: FormControl<number | null>;
}>;

/** The create form. Range rules (1–999, ≤ 2000 characters) are the server's to enforce. */
export type OrderForm = FormGroup<{
  customerId: FormControl<string>;
  lines: FormArray<OrderLineForm>;
  notes: FormControl<string>;
}>;

export function orderLineForm(): OrderLineForm {
  return new FormGroup({
    productId: new FormControl('', { nonNullable: true, validators: Validators.required }),
    quantity: new FormControl<number | null>(1, Validators.required),
  });
}

export function orderForm(): OrderForm {
  return new FormGroup({
    customerId: new FormControl('', { nonNullable: true, validators: Validators.required }),
    lines: new FormArray([orderLineForm()]),
    notes: new FormControl('', { nonNullable: true }),
  });
}

/** The request body the form stands for; notes left out when empty. */
export function newOrderFrom(form: OrderForm): NewOrder {
  const { customerId, lines, notes } = form.getRawValue();
  return {
    customerId,
    items: lines.map((line) => ({ productId: line.productId, quantity: Number(line.quantity) })),
    ...(notes.trim() ? { notes } : {}),
  };
}

const LABELS: Readonly<Record<string, string>> = {
  customerId: 'Customer',
  notes: 'Notes',
  items: 'The order',
  productId: 'Product',
  quantity: 'Quantity',
};

const LINE_FIELD = /^items\[(\d+)\](?:\.(productId|quantity))?$/;

/**
 * Puts the server's validation errors (problem+json `errors`, keyed like `items[2].productId`)
 * on the controls they name, as a `server` error with a readable sentence ("Quantity must be
 * between 1 and 999"), and marks those controls touched so the message shows at once. Returns
 * the messages no control owns (unknown fields, `body`), to show above the form. Each server
 * error goes away when its control's value changes (validators run again).
 */
export function applyServerErrors(form: OrderForm, errors: FieldErrors): string[] {
  const unplaced: string[] = [];
  for (const [field, messages] of Object.entries(errors)) {
    const control = controlFor(form, field);
    const sentence = `${labelOf(field)} ${messages.join('; ')}`;
    if (!control) {
      unplaced.push(sentence);
      continue;
    }
    control.setErrors({ ...control.errors, server: sentence });
    control.markAsTouched();
  }
  return unplaced;
}

function controlFor(form: OrderForm, field: string) {
  if (field === 'customerId') return form.controls.customerId;
  if (field === 'notes') return form.controls.notes;
  if (field === 'items') return form.controls.lines;
  const match = LINE_FIELD.exec(field);
  if (!match) return null;
  const line = form.controls.lines.at(Number(match[1]));
  if (!line) return null;
  const part = match[2] as 'productId' | 'quantity' | undefined;
  return part ? line.controls[part] : line;
}

function labelOf(field: string): string {
  const last = /(\w+)$/.exec(field)?.[1] ?? field;
  const match = LINE_FIELD.exec(field);
  if (match && !match[2]) return `Line ${Number(match[1]) + 1}`;
  return LABELS[last] ?? (field || 'The order');
}
