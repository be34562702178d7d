import { messages } from '@electric-sql/pglite';

/** What one extended-protocol exchange answered: described types, text rows, command tag, first error. */
export interface BackendReply {
  parameterTypes: number[] | undefined;
  fields: { name: string; dataTypeId: number }[] | undefined;
  rows: (string | null)[][];
  commandTag: string | undefined;
  error: messages.DatabaseError | undefined;
  /** ReadyForQuery status: `I` idle, `T` in a transaction block, `E` in a failed one. */
  transactionStatus: string | undefined;
}

/**
 * Decode the backend messages of one exchange (bytes as PGlite wrote them). Only what Concord's statements answer
 * is read; notices and other asynchronous messages are skipped. PGlite's own reader copies every field before
 * decoding it, which cost more than the query itself on the hot read paths.
 */
export function decodeBackendMessages(bytes: Buffer): BackendReply {
  const reply: BackendReply = {
    parameterTypes: undefined,
    fields: undefined,
    rows: [],
    commandTag: undefined,
    error: undefined,
    transactionStatus: undefined,
  };
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    const code = bytes[offset];
    const end = offset + 1 + bytes.readInt32BE(offset + 1);
    let p = offset + 5;
    const cstring = (): string => {
      const zero = bytes.indexOf(0, p);
      const s = bytes.toString('utf8', p, zero);
      p = zero + 1;
      return s;
    };
    switch (code) {
      case 0x44: {
        // DataRow
        const n = bytes.readInt16BE(p);
        p += 2;
        const row: (string | null)[] = new Array(n);
        for (let i = 0; i < n; i++) {
          const length = bytes.readInt32BE(p);
          p += 4;
          if (length < 0) row[i] = null;
          else {
            row[i] = bytes.toString('utf8', p, p + length);
            p += length;
          }
        }
        reply.rows.push(row);
        break;
      }
      case 0x54: {
        // RowDescription
        const n = bytes.readInt16BE(p);
        p += 2;
        const fields: { name: string; dataTypeId: number }[] = [];
        for (let i = 0; i < n; i++) {
          const name = cstring();
          fields.push({ name, dataTypeId: bytes.readInt32BE(p + 6) });
          p += 18;
        }
        reply.fields = fields;
        break;
      }
      case 0x74: {
        // ParameterDescription
        const n = bytes.readInt16BE(p);
        p += 2;
        const types: number[] = [];
        for (let i = 0; i < n; i++) types.push(bytes.readInt32BE(p + 4 * i));
        reply.parameterTypes = types;
        break;
      }
      case 0x6e:
        // NoData: the statement returns no rows.
        reply.fields = [];
        break;
      case 0x43:
        reply.commandTag = cstring();
        break;
      case 0x45:
        reply.error ??= decodeError(bytes, p, end);
        break;
      case 0x5a:
        reply.transactionStatus = String.fromCharCode(bytes[p] ?? 0);
        break;
      default:
        // ParseComplete, BindComplete, CloseComplete, notices, parameter status, notifications: nothing to keep.
        break;
    }
    offset = end;
  }
  return reply;
}

/** An ErrorResponse as PGlite's own DatabaseError, so callers see the same error whichever path ran the query. */
function decodeError(bytes: Buffer, start: number, end: number): messages.DatabaseError {
  const fields = new Map<string, string>();
  let p = start;
  while (p < end && bytes[p] !== 0) {
    const type = String.fromCharCode(bytes[p] ?? 0);
    const zero = bytes.indexOf(0, p + 1);
    fields.set(type, bytes.toString('utf8', p + 1, zero));
    p = zero + 1;
  }
  const error = new messages.DatabaseError(fields.get('M') ?? 'database error', end - start + 4, 'error');
  error.severity = fields.get('S');
  error.code = fields.get('C');
  error.detail = fields.get('D');
  error.hint = fields.get('H');
  error.position = fields.get('P');
  error.internalPosition = fields.get('p');
  error.internalQuery = fields.get('q');
  error.where = fields.get('W');
  error.schema = fields.get('s');
  error.table = fields.get('t');
  error.column = fields.get('c');
  error.dataType = fields.get('d');
  error.constraint = fields.get('n');
  error.file = fields.get('F');
  error.line = fields.get('L');
  error.routine = fields.get('R');
  return error;
}
