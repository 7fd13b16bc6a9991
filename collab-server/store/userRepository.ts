import type { Queryable } from '../db/database.ts';

export interface UserRecord {
  id: string;
  loginId: string;
  name: string;
  agencyId: string;
  agencyName: string;
  passwordHash: string;
  role: 'worker' | 'admin';
}

export class UserRepository {
  private readonly db: Queryable;

  constructor(db: Queryable) {
    this.db = db;
  }

  async findActiveByLoginId(loginId: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRecord>(
      `select u.id, u.login_id as "loginId", u.name, u.agency_id as "agencyId",
              a.name as "agencyName", u.password_hash as "passwordHash", u.role
         from users u join agencies a on a.id = u.agency_id
        where u.login_id = $1 and u.disabled_at is null`,
      [loginId],
    );
    return rows[0] ?? null;
  }
}
