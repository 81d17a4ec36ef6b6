import type { OrderStatus } from './order-status.ts';

export interface OrderItem {
  productId: string;
  productName: string;
  quantity: number;
  unitPriceCents: number;
}

/** An order as the API shows it (shared/API.md). */
export interface Order {
  id: string;
  /** "ORD-10001": what people read out on the phone. */
  number: string;
  customerId: string;
  customerName: string;
  status: OrderStatus;
  items: OrderItem[];
  totalCents: number;
  currency: 'EUR';
  /** Always a string; '' when there are none. */
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** Starts at 1, +1 on every change; the ETag is `"<version>"`. */
  version: number;
}

export function orderNumber(number: number): string {
  return `ORD-${number}`;
}
