import { describe, expect, it } from 'vitest';
import { databaseTarget } from './store';

describe('choosing the database', () => {
  it('uses the SQLite file unless DESKSIDE_DATABASE_URL names a PostgreSQL database', () => {
    expect(databaseTarget('/data/deskside.sqlite', undefined)).toEqual({
      kind: 'sqlite',
      file: '/data/deskside.sqlite',
    });
    expect(databaseTarget('/data/deskside.sqlite', '')).toEqual({
      kind: 'sqlite',
      file: '/data/deskside.sqlite',
    });
    expect(databaseTarget('/d.sqlite', 'postgres://desk@db.example/deskside')).toEqual({
      kind: 'postgres',
      url: 'postgres://desk@db.example/deskside',
    });
    expect(databaseTarget('/d.sqlite', 'postgresql://desk@db/deskside').kind).toBe('postgres');
  });

  it('refuses another kind of address with a clear message', () => {
    expect(() => databaseTarget('/d.sqlite', 'mysql://db/deskside')).toThrow(
      /must be a postgres:\/\/ or postgresql:\/\/ address/,
    );
  });
});
