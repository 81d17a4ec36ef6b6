/** The signed-in user of a request, set by `authenticate`. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  /** The refresh-token family this access token belongs to. */
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Null until `authenticate` has run on the route, and on public routes. */
    user: AuthUser | null;
  }
}

/** The user as the API shows it (`GET /api/me`, the login response). */
export function publicUser({ id, email, name, roles }: Omit<AuthUser, 'sessionId'>) {
  return { id, email, name, roles };
}
