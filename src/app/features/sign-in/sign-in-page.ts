import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { SessionService, safeReturnUrl, signInErrorMessage } from '@keel/network/session';

export const DEMO_EMAIL = 'demo@keel.dev';
export const DEMO_PASSWORD = 'keel-demo';

/** The pattern Angular's `Validators.email` checks (WHATWG's, with its length limits). */
const EMAIL =
  /^(?=.{1,254}$)(?=.{1,64}@)[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** What is wrong with the email field, in words a person can act on; null: nothing. */
export function emailProblem(value: string): string | null {
  if (!value) return 'Enter your email.';
  return EMAIL.test(value) ? null : 'Enter an email address like name@example.com.';
}

/** What is wrong with the password field; null: nothing. */
export function passwordProblem(value: string): string | null {
  return value ? null : 'Enter your password.';
}

/**
 * The first page most visitors see, so it is built for the first load (issue 13): it is part
 * of `main` (no lazy chunk to wait for), and it uses native form controls styled with the
 * Material theme's tokens instead of Material's form field and Angular's forms, which would
 * put about 45 kB of code (three more downloads, one after another) between `main` and the
 * first paint. A field's message shows once the field has been left or the form submitted,
 * as Material's does; a submit with a problem moves focus to the first field that has one.
 */
@Component({
  selector: 'app-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
})
export class SignInPage {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);

  /** Where to go after signing in (set by the guard that sent the user here). */
  readonly returnUrl = input<string>();
  /** Why the user is here, e.g. `expired` after a session ended. */
  readonly reason = input<string>();

  protected readonly demoEmail = DEMO_EMAIL;
  protected readonly demoPassword = DEMO_PASSWORD;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly left = signal({ email: false, password: false });
  protected readonly submitted = signal(false);
  protected readonly emailMessage = computed(() =>
    this.submitted() || this.left().email ? emailProblem(this.email()) : null,
  );
  protected readonly passwordMessage = computed(() =>
    this.submitted() || this.left().password ? passwordProblem(this.password()) : null,
  );

  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput =
    viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  protected leave(field: 'email' | 'password'): void {
    this.left.update((left) => ({ ...left, [field]: true }));
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    // The fields themselves are the truth: a browser's autofill does not always send `input`.
    const email = this.emailInput().nativeElement.value.trim();
    const password = this.passwordInput().nativeElement.value;
    this.email.set(email);
    this.password.set(password);
    this.submitted.set(true);
    if (emailProblem(email)) return this.emailInput().nativeElement.focus();
    if (passwordProblem(password)) return this.passwordInput().nativeElement.focus();
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.session.signIn(email, password);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.error.set(signInErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
