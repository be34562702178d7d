import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDialect } from './pglite-dialect.js';

/** The prepared-statement path must answer exactly what PGlite's own `query` answers. */
describe('PGlite connection (prepared statements)', () => {
  let pglite: PGlite;
  let db: Kysely<unknown>;
  const run = (text: string, parameters: unknown[] = []) =>
    db.executeQuery(CompiledQuery.raw(text, parameters));

  beforeAll(async () => {
    pglite = await PGlite.create();
    db = new Kysely<unknown>({ dialect: new PgliteDialect(pglite) });
    await run(
      `create table t (id integer generated always as identity primary key, n integer, x double precision,
        s text, at timestamptz, big bigint, ok boolean, j jsonb, ids integer[], names text[])`,
    );
  });
  afterAll(async () => {
    await db.destroy();
    await pglite.close();
  });

  it('round-trips every type Concord uses, as PGlite query does', async () => {
    const at = new Date('2023-10-09T12:34:56.789Z');
    const values = [
      7,
      1.0000000000000002,
      'a "quoted", \\ back\nslash é',
      at,
      2n ** 60n,
      true,
      { k: [1, 'x'] },
    ];
    const arrays = [
      [1, 2, 3],
      ['a,b', 'c"d', 'e\\f', null, ''],
    ];
    const inserted = await run(
      'insert into t (n, x, s, at, big, ok, j, ids, names) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning *',
      [...values, ...arrays],
    );
    expect(inserted.numAffectedRows).toBe(1n);
    const mine = await run('select * from t where id = $1', [1]);
    const theirs = await pglite.query('select * from t where id = $1', [1]);
    expect(mine.rows).toEqual(theirs.rows);
    expect(mine.rows).toEqual(inserted.rows);
    expect(mine.rows[0]).toMatchObject({
      n: 7,
      x: 1.0000000000000002,
      s: values[2],
      at,
      big: 2n ** 60n,
      ok: true,
      j: { k: [1, 'x'] },
      ids: [1, 2, 3],
      names: ['a,b', 'c"d', 'e\\f', null, ''],
    });
    const nulls = await run('insert into t (n) values ($1) returning s, at, ids', [null]);
    expect(nulls.rows).toEqual([{ s: null, at: null, ids: null }]);
    const anyIds = await run('select id from t where id = any($1::integer[]) order by id', [[1, 2, 99]]);
    expect(anyIds.rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('reports affected rows of updates and deletes, none for selects', async () => {
    await run('insert into t (n) select g from generate_series(1, 5) g');
    expect((await run('update t set x = $1 where n <= $2', [0.5, 3])).numAffectedRows).toBe(3n);
    expect((await run('delete from t where n = $1', [5])).numAffectedRows).toBe(1n);
    expect((await run('select n from t where n = $1', [4])).numAffectedRows).toBe(0n);
  });

  it('throws PostgreSQL errors with their code and keeps working', async () => {
    await expect(run('select * from missing_table')).rejects.toMatchObject({ code: '42P01' });
    await expect(run('insert into t (id) values ($1)', [1])).rejects.toMatchObject({ code: '428C9' });
    await expect(run('select n / $1 from t where n = 4', [0])).rejects.toMatchObject({ code: '22012' });
    expect((await run('select n from t where n = $1', [4])).rows).toEqual([{ n: 4 }]);
  });

  it('sees schema changes: statements prepared before DDL are prepared again', async () => {
    await run('create table u (a integer)');
    await run('insert into u values ($1)', [1]);
    expect((await run('select * from u')).rows).toEqual([{ a: 1 }]);
    await run('alter table u add column b text');
    expect((await run('select * from u')).rows).toEqual([{ a: 1, b: null }]);
  });

  it('rolls back and commits through transactions', async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.executeQuery(CompiledQuery.raw('insert into u (a) values ($1)', [2]));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await db.transaction().execute(async (tx) => {
      await tx.executeQuery(CompiledQuery.raw('insert into u (a) values ($1)', [3]));
    });
    expect((await run('select a from u order by a')).rows).toEqual([{ a: 1 }, { a: 3 }]);
  });

  it('counts the statements that changed or may have changed data', async () => {
    const dialect = new PgliteDialect(pglite);
    const counted = new Kysely<unknown>({ dialect });
    const exec = (text: string, parameters: unknown[] = []) =>
      counted.executeQuery(CompiledQuery.raw(text, parameters));
    const writes = async (step: () => Promise<unknown>, fails = false) => {
      const before = dialect.writeCount;
      if (fails) await expect(step()).rejects.toThrow();
      else await step();
      return dialect.writeCount - before;
    };
    expect(await writes(() => exec('select count(*) from t'))).toBe(0);
    expect(await writes(() => exec('update t set x = $1 where false', [1]))).toBe(0);
    expect(await writes(() => exec('insert into t (n) select 1 where false'))).toBe(0);
    expect(await writes(() => exec('update t set x = $1 where n = 4', [2]))).toBe(1);
    expect(await writes(() => exec('delete from t where n = $1', [4]))).toBe(1);
    expect(await writes(() => exec('insert into t (id) values (1)'), true)).toBe(1);
    expect(await writes(() => exec('create index t_n on t (n)'))).toBe(1);
    expect(
      await writes(() => exec('with d as (delete from t where n = 3 returning n) select * from d')),
    ).toBe(1);
    expect(
      await writes(() =>
        counted.transaction().execute(async (tx) => {
          await tx.executeQuery(CompiledQuery.raw('update t set x = 3 where n = 2'));
        }),
      ),
    ).toBe(1);
  });

  it('keeps working beyond the number of statements it keeps prepared', async () => {
    for (let i = 0; i < 450; i++) {
      const r = await sql<{ v: number }>`select ${sql.raw(String(i))}::integer + ${1} as v`.execute(db);
      expect(r.rows).toEqual([{ v: i + 1 }]);
    }
    expect((await run('select a from u where a = $1', [3])).rows).toEqual([{ a: 3 }]);
  });
});
