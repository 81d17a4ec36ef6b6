import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AppError } from '@keel/network';
import { SessionService } from '@keel/network/session';
import { SignInPage, emailProblem, passwordProblem } from './sign-in-page';

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let root: HTMLElement;
  let signIn: jasmine.Spy<(email: string, password: string) => Promise<void>>;
  let navigated: string[];

  beforeEach(async () => {
    signIn = jasmine.createSpy('signIn').and.resolveTo();
    navigated = [];
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: SessionService, useValue: { signIn } }],
    });
    spyOn(TestBed.inject(Router), 'navigateByUrl').and.callFake((url) => {
      navigated.push(String(url));
      return Promise.resolve(true);
    });
    fixture = TestBed.createComponent(SignInPage);
    root = fixture.nativeElement as HTMLElement;
    document.body.appendChild(root);
    await fixture.whenStable();
  });

  afterEach(() => root.remove());

  const field = (label: string) => {
    const id = [...root.querySelectorAll('label')]
      .find((l) => l.textContent?.trim() === label)
      ?.getAttribute('for');
    return root.querySelector(`#${id}`) as HTMLInputElement;
  };
  const type = (label: string, value: string) => {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const describedBy = (input: HTMLInputElement) =>
    root.querySelector(`#${input.getAttribute('aria-describedby')}`)?.textContent?.trim();
  const submit = async () => {
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };

  it('labels both fields, and shows no message before the user has done anything', () => {
    expect(field('Email').type).toBe('email');
    expect(field('Email').autocomplete).toBe('username');
    expect(field('Password').type).toBe('password');
    expect(field('Password').autocomplete).toBe('current-password');
    expect(root.querySelector('[aria-invalid]')).toBeNull();
    expect(root.querySelector('.message')).toBeNull();
  });

  it('signs in with what was typed and goes to the return URL', async () => {
    fixture.componentRef.setInput('returnUrl', '/orders?page=2');
    type('Email', ' demo@keel.dev ');
    type('Password', 'keel-demo');
    await submit();
    expect(signIn).toHaveBeenCalledOnceWith('demo@keel.dev', 'keel-demo');
    expect(navigated).toEqual(['/orders?page=2']);
  });

  it('never goes to a return URL on another site', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example/phish');
    type('Email', 'demo@keel.dev');
    type('Password', 'keel-demo');
    await submit();
    expect(navigated).toEqual(['/dashboard']);
  });

  it('reads the fields at submit, so an autofill that sent no input event still signs in', async () => {
    field('Email').value = 'demo@keel.dev';
    field('Password').value = 'keel-demo';
    await submit();
    expect(signIn).toHaveBeenCalledOnceWith('demo@keel.dev', 'keel-demo');
  });

  it('on an empty submit says what each field needs, marks them invalid and focuses the first', async () => {
    await submit();
    expect(signIn).not.toHaveBeenCalled();
    expect(field('Email').getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(field('Email'))).toBe('Enter your email.');
    expect(describedBy(field('Password'))).toBe('Enter your password.');
    expect(document.activeElement).toBe(field('Email'));
  });

  it('focuses the password when only it is missing', async () => {
    type('Email', 'demo@keel.dev');
    await submit();
    expect(signIn).not.toHaveBeenCalled();
    expect(field('Email').hasAttribute('aria-invalid')).toBeFalse();
    expect(document.activeElement).toBe(field('Password'));
  });

  it('shows a field’s message once the user leaves it, and clears it as they fix it', async () => {
    type('Email', 'demo');
    await fixture.whenStable();
    expect(describedBy(field('Email'))).toBeUndefined();
    field('Email').dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(describedBy(field('Email'))).toBe('Enter an email address like name@example.com.');
    expect(describedBy(field('Password'))).toBeUndefined();
    type('Email', 'demo@keel.dev');
    await fixture.whenStable();
    expect(field('Email').hasAttribute('aria-invalid')).toBeFalse();
    expect(root.querySelector('.message')).toBeNull();
  });

  it('shows progress and disables the button while signing in, and the reason on failure', async () => {
    let fail!: (error: unknown) => void;
    signIn.and.returnValue(new Promise<void>((_, reject) => (fail = reject)));
    type('Email', 'demo@keel.dev');
    type('Password', 'wrong');
    await submit();
    const button = root.querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(root.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe(
      'Signing in',
    );
    expect(button.disabled).toBeTrue();
    fail(new AppError({ kind: 'unauthorized', message: 'Unauthorized', status: 401 }));
    await new Promise((resolve) => setTimeout(resolve)); // the rejection reaches submit()
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Wrong email or password.',
    );
    expect(root.querySelector('[role="progressbar"]')).toBeNull();
    expect(button.disabled).toBeFalse();
    expect(navigated).toEqual([]);
  });

  it('says why the user is here after a session ended or a sign-out elsewhere', async () => {
    fixture.componentRef.setInput('reason', 'expired');
    await fixture.whenStable();
    expect(root.querySelector('[role="status"]')?.textContent).toContain('Your session has ended');
    fixture.componentRef.setInput('reason', 'signed-out');
    await fixture.whenStable();
    expect(root.querySelector('[role="status"]')?.textContent).toContain(
      'You signed out in another tab',
    );
  });
});

describe('sign-in field rules', () => {
  it('asks for an email, then for one that looks like an address', () => {
    expect(emailProblem('')).toBe('Enter your email.');
    for (const bad of [
      'demo',
      'demo@',
      '@keel.dev',
      'de mo@keel.dev',
      'demo@keel..dev',
      'a@-b.dev',
    ])
      expect(emailProblem(bad))
        .withContext(bad)
        .toBe('Enter an email address like name@example.com.');
    expect(emailProblem(`${'a'.repeat(65)}@keel.dev`))
      .withContext('local part over 64')
      .not.toBeNull();
    for (const good of ['demo@keel.dev', 'first.last+tag@mail.example.co', "o'neil@x.io", 'a@b'])
      expect(emailProblem(good)).withContext(good).toBeNull();
  });

  it('asks for a password', () => {
    expect(passwordProblem('')).toBe('Enter your password.');
    expect(passwordProblem(' ')).toBeNull();
  });
});
