/**
 * Results, not nulls: every fallible kernel returns `Ok<T>` or `Err<C>` with a stable, documented `code`.
 * Edges (CLI, HTTP) map codes to exit statuses and problem details; nothing is skipped without a code.
 */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

export interface Err<C extends string = string> {
  readonly ok: false;
  readonly code: C;
  readonly message: string;
}

export type Result<T, C extends string = string> = Ok<T> | Err<C>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<C extends string>(code: C, message: string): Err<C> {
  return { ok: false, code, message };
}

/** An error thrown across a boundary that carries a stable `code` (the CLI prints it without a stack trace). */
export class ConcordError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ConcordError';
    this.code = code;
  }
}
