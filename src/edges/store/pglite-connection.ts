import { type PGlite, protocol } from '@electric-sql/pglite';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { type BackendReply, decodeBackendMessages } from './pglite-backend-messages.js';

const { serialize } = protocol;

/** Reads and writes are prepared once and then only bound and executed. */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** Transaction control keeps prepared statements valid; anything else (DDL, SET, ANALYZE) forgets them. */
const TRANSACTION_CONTROL = /^\s*(begin|start|commit|end|rollback|savepoint|release)\b/i;
/** Statements that cannot change what a later read answers (Concord's selects neither write nor SELECT INTO). */
const READ = /^\s*select\b/i;
/** Writes whose command tag counts every row they changed (unlike a CTE, whose tag is its outer statement's). */
const PLAIN_DML = /^\s*(insert|update|delete)\b/i;
/** Command tags whose last word is a row count that Kysely reports as affected rows (as PGlite does). */
const AFFECTING = /^(INSERT|UPDATE|DELETE|MERGE|COPY)\b/;
/** Distinct statement texts kept prepared; the least recently used one is closed beyond this. */
const MAX_PREPARED = 200;
/** Statement names are unique in the process, so two connections to one database never collide. */
let statementsCreated = 0;

interface PreparedStatement {
  readonly name: string;
  readonly parameterTypes: readonly number[];
  readonly fields: readonly { readonly name: string; readonly dataTypeId: number }[];
}

/**
 * The one session of a PGlite database as a Kysely connection. A read or write is sent as a single protocol
 * exchange to a named prepared statement (parsed, described and planned once per statement text), instead of
 * PGlite's `query`, which makes six exchanges and re-parses and re-plans every time; that was most of the cost of
 * a small indexed read. Parameters and values are converted with PGlite's own serializers and parsers, so results
 * are the same as `query`'s. Callers serialise access (the driver hands out this connection to one holder at a
 * time), so exchanges never interleave.
 */
export class PgliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;
  readonly #prepared = new Map<string, PreparedStatement>();
  #writes = 0;
  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  /**
   * Statements run so far that changed or may have changed the data: everything but selects, transaction control
   * and inserts, updates or deletes that changed no row; failed statements count too. This session is the
   * database's only one, so an answer read while the count stays the same is current. Transaction control needs no
   * count: a read outside the transaction waits for its end and then sees its outcome, and its writes counted.
   */
  get writeCount(): number {
    return this.#writes;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const sql = compiled.sql;
    if (READ.test(sql) || TRANSACTION_CONTROL.test(sql)) return this.#execute<R>(compiled);
    try {
      const result = await this.#execute<R>(compiled);
      if (!(PLAIN_DML.test(sql) && result.numAffectedRows === 0n)) this.#writes += 1;
      return result;
    } catch (error) {
      this.#writes += 1;
      throw error;
    }
  }

  async #execute<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const read = READ.test(compiled.sql);
    if (!PREPARABLE.test(compiled.sql)) return this.#executeUnprepared<R>(compiled);
    if (this.#pglite.closed) throw new Error('PGlite is closed');
    const statement = await this.#statement(compiled.sql);
    const serializers = this.#pglite.serializers;
    const values = compiled.parameters.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = serializers[statement.parameterTypes[i] ?? 0];
      return serializer ? serializer(value) : String(value);
    });
    const reply = await this.#exchange(
      serialize.bind({ statement: statement.name, values }),
      serialize.execute(),
      serialize.sync(),
    );
    if (reply.error) throw reply.error;
    const parsers = this.#pglite.parsers;
    const fields = statement.fields;
    const rows = reply.rows.map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < fields.length; i++) {
        const field = fields[i];
        const text = values[i];
        if (field === undefined) continue;
        const parse = parsers[field.dataTypeId];
        row[field.name] =
          text === null || text === undefined ? null : parse ? parse(text, field.dataTypeId) : text;
      }
      return row as R;
    });
    // PGlite persists after every statement outside a transaction block; so do we, except after reads.
    if (!read && reply.transactionStatus === 'I') await this.#pglite.syncToFs();
    const tag = reply.commandTag ?? '';
    const affected = AFFECTING.test(tag) ? Number(tag.slice(tag.lastIndexOf(' ') + 1)) : 0;
    return { rows, numAffectedRows: BigInt(affected) };
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported; the method must exist.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect: streaming queries are not supported');
  }

  async #executeUnprepared<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#pglite.query<R>(compiled.sql, [...compiled.parameters]);
    // DDL may change what a prepared statement returns (PostgreSQL then refuses to run it): start afresh.
    if (!TRANSACTION_CONTROL.test(compiled.sql)) await this.#forgetPrepared();
    return result.affectedRows === undefined
      ? { rows: result.rows }
      : { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) };
  }

  async #statement(sql: string): Promise<PreparedStatement> {
    const known = this.#prepared.get(sql);
    if (known) {
      // Most recently used last, so eviction takes the oldest.
      this.#prepared.delete(sql);
      this.#prepared.set(sql, known);
      return known;
    }
    const name = `concord_${++statementsCreated}`;
    const reply = await this.#exchange(
      serialize.parse({ name, text: sql }),
      serialize.describe({ type: 'S', name }),
      serialize.sync(),
    );
    if (reply.error) throw reply.error;
    const statement: PreparedStatement = {
      name,
      parameterTypes: reply.parameterTypes ?? [],
      fields: reply.fields ?? [],
    };
    this.#prepared.set(sql, statement);
    if (this.#prepared.size > MAX_PREPARED) {
      const [oldest] = this.#prepared;
      if (oldest) await this.#close([oldest[0]]);
    }
    return statement;
  }

  async #forgetPrepared(): Promise<void> {
    if (this.#prepared.size > 0) await this.#close([...this.#prepared.keys()]);
  }

  async #close(sqls: readonly string[]): Promise<void> {
    const messages: Uint8Array[] = [];
    for (const sql of sqls) {
      const statement = this.#prepared.get(sql);
      this.#prepared.delete(sql);
      if (statement) messages.push(serialize.close({ type: 'S', name: statement.name }));
    }
    const reply = await this.#exchange(...messages, serialize.sync());
    if (reply.error) throw reply.error;
  }

  /** Send protocol messages in one call and decode what the backend wrote back. */
  async #exchange(...messages: Uint8Array[]): Promise<BackendReply> {
    let length = 0;
    for (const m of messages) length += m.length;
    const message = new Uint8Array(length);
    let offset = 0;
    for (const m of messages) {
      message.set(m, offset);
      offset += m.length;
    }
    const chunks: Buffer[] = [];
    await this.#pglite.execProtocolRawStream(message, {
      syncToFs: false,
      // The bytes are a view of WebAssembly memory that the next write reuses: copy them.
      onRawData: (bytes) => chunks.push(Buffer.from(bytes)),
    });
    return decodeBackendMessages(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks));
  }
}
