import type { Db } from '../db/open-database.ts';

export interface StoredUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  passwordHash: string;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: string;
  password_hash: string;
}

/** Reads users; they are only ever written by the seed. */
export class UserStore {
  private readonly byEmail;
  private readonly byId;

  constructor(db: Db) {
    this.byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?');
    this.byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  }

  findByEmail(email: string): StoredUser | undefined {
    return toUser(this.byEmail.get(email.trim().toLowerCase()));
  }

  findById(id: string): StoredUser | undefined {
    return toUser(this.byId.get(id));
  }
}

function toUser(row: UserRow | undefined): StoredUser | undefined {
  if (!row) return undefined;
  const roles: unknown = JSON.parse(row.roles);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
    passwordHash: row.password_hash,
  };
}
