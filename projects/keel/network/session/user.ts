/** The signed-in user, as `GET /api/me` and `POST /api/auth/login` return it. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly string[];
}
