import { Component, inject } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { ConflictDialog, type ConflictChoice, type ConflictDialogData } from './conflict-dialog';
import { order } from './testing/order-fixtures';

@Component({ template: '' })
class Host {
  readonly dialog = inject(MatDialog);
}

describe('ConflictDialog', () => {
  let ref: MatDialogRef<ConflictDialog, ConflictChoice>;
  let fixture: ComponentFixture<Host>;

  async function open(data: ConflictDialogData): Promise<HTMLElement> {
    fixture = TestBed.createComponent(Host);
    ref = fixture.componentInstance.dialog.open(ConflictDialog, { data });
    await fixture.whenStable();
    return document.querySelector('app-conflict-dialog') as HTMLElement;
  }

  const button = (root: HTMLElement, name: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLElement;

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('shows the user’s change beside the newer version', async () => {
    const root = await open({
      change: { notes: 'Mine' },
      theirs: order({ notes: 'Theirs', status: 'paid', version: 4 }),
    });
    const notes = root.querySelector('[data-testid="conflict-notes"]')?.textContent ?? '';
    expect(notes).toContain('Mine');
    expect(notes).toContain('Theirs');
    expect(root.querySelector('[data-testid="conflict-status"]')?.textContent).toContain('Paid');
    expect(root.textContent).toContain('version 4');
  });

  it('says which field the user did not change', async () => {
    const root = await open({ change: { status: 'shipped' }, theirs: order() });
    expect(root.querySelector('[data-testid="conflict-notes"]')?.textContent).toContain(
      '(unchanged)',
    );
    expect(root.querySelector('[data-testid="conflict-status"]')?.textContent).toContain('Shipped');
  });

  it('closes with reload from the Reload button', async () => {
    const root = await open({ change: { notes: 'x' }, theirs: order() });
    const closed = firstValueFrom(ref.afterClosed());
    button(root, 'Reload newer version').click();
    expect(await closed).toBe('reload');
  });

  it('closes with overwrite only from the Overwrite button', async () => {
    const root = await open({ change: { notes: 'x' }, theirs: order() });
    const closed = firstValueFrom(ref.afterClosed());
    button(root, 'Overwrite with my change').click();
    expect(await closed).toBe('overwrite');
  });

  it('starts with focus on Reload, the safe choice', async () => {
    const root = await open({ change: { notes: 'x' }, theirs: order() });
    await firstValueFrom(ref.afterOpened());
    await fixture.whenStable();
    expect(document.activeElement).toBe(button(root, 'Reload newer version'));
  });
});
