import { applyServerErrors, newOrderFrom, orderForm, orderLineForm } from './order-form';

function filledForm() {
  const form = orderForm();
  form.controls.lines.push(orderLineForm());
  form.setValue({
    customerId: 'cus_001',
    lines: [
      { productId: 'prd_001', quantity: 1 },
      { productId: 'prd_002', quantity: 0 },
    ],
    notes: '',
  });
  return form;
}

describe('order form', () => {
  describe('applyServerErrors', () => {
    it('puts a customer error on the customer field as a sentence', () => {
      const form = filledForm();
      applyServerErrors(form, { customerId: ['is not a known customer'] });
      expect(form.controls.customerId.getError('server')).toBe('Customer is not a known customer');
    });

    it('puts items[1].quantity on the second line’s quantity', () => {
      const form = filledForm();
      applyServerErrors(form, { 'items[1].quantity': ['must be between 1 and 999'] });
      const quantity = form.controls.lines.at(1).controls.quantity;
      expect(quantity.getError('server')).toBe('Quantity must be between 1 and 999');
      expect(form.controls.lines.at(0).controls.quantity.valid).toBe(true);
    });

    it('puts items[0].productId on the first line’s product', () => {
      const form = filledForm();
      applyServerErrors(form, { 'items[0].productId': ['is not a known product'] });
      expect(form.controls.lines.at(0).controls.productId.getError('server')).toBe(
        'Product is not a known product',
      );
    });

    it('puts an error about the whole list on the lines', () => {
      const form = filledForm();
      applyServerErrors(form, { items: ['must have at most 50 items'] });
      expect(form.controls.lines.getError('server')).toBe('The order must have at most 50 items');
    });

    it('puts a notes error on the notes field', () => {
      const form = filledForm();
      applyServerErrors(form, { notes: ['must have at most 2000 characters'] });
      expect(form.controls.notes.getError('server')).toBe(
        'Notes must have at most 2000 characters',
      );
    });

    it('joins several messages for one field', () => {
      const form = filledForm();
      applyServerErrors(form, { customerId: ['is required', 'must be a string'] });
      expect(form.controls.customerId.getError('server')).toBe(
        'Customer is required; must be a string',
      );
    });

    it('returns the messages no field owns', () => {
      const form = filledForm();
      const unplaced = applyServerErrors(form, {
        body: ['must be a JSON object'],
        'items[7].quantity': ['must be an integer'],
      });
      expect(unplaced).toEqual(['body must be a JSON object', 'Quantity must be an integer']);
    });

    it('marks the field touched so the message shows at once', () => {
      const form = filledForm();
      applyServerErrors(form, { customerId: ['is not a known customer'] });
      expect(form.controls.customerId.touched).toBe(true);
    });

    it('lets the error go when the user changes the field', () => {
      const form = filledForm();
      applyServerErrors(form, { customerId: ['is not a known customer'] });
      form.controls.customerId.setValue('cus_002');
      expect(form.controls.customerId.valid).toBe(true);
    });
  });

  describe('newOrderFrom', () => {
    it('sends quantities as numbers and leaves out empty notes', () => {
      expect(newOrderFrom(filledForm())).toEqual({
        customerId: 'cus_001',
        items: [
          { productId: 'prd_001', quantity: 1 },
          { productId: 'prd_002', quantity: 0 },
        ],
      });
    });

    it('sends notes when there are some', () => {
      const form = filledForm();
      form.controls.notes.setValue('Leave at the door');
      expect(newOrderFrom(form).notes).toBe('Leave at the door');
    });
  });
});
