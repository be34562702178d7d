import { STEP_SWEEP_WASM_BASE64 } from './step-sweep-wasm.js';

/** The exports of the compiled step sweep (`assembly/step-sweep.ts`). */
export interface StepSweepExports {
  readonly memory: WebAssembly.Memory;
  begin(): void;
  sweep(step: number, centreMinusStartMs: number): void;
  broadCount(): number;
  narrowCount(): number;
  pendingCount(): number;
}

/** Byte address of the kernel's header: 128 i32 fields, then f64 fields from 512 bytes on (as the kernel's). */
export const HEADER_ADDRESS = 1024;
const FIRST_ALLOCATION = 4096;
const PAGE_BYTES = 65_536;

let compiled: WebAssembly.Module | undefined;

/**
 * One thread's instance of the step sweep and its linear memory, reused chunk after chunk: arrays are bump
 * allocated from the start at every chunk (`reset`), and the memory only grows, so a long screen allocates its
 * largest chunk once instead of one knot buffer per chunk.
 */
export class SweepArena {
  readonly kernel: StepSweepExports;
  private top = FIRST_ALLOCATION;
  private sink: ((count: number) => void) | undefined;

  constructor() {
    compiled ??= new WebAssembly.Module(
      Uint8Array.from(atob(STEP_SWEEP_WASM_BASE64), (c) => c.charCodeAt(0)),
    );
    const instance = new WebAssembly.Instance(compiled, {
      'step-sweep': { flush: (count: number) => this.sink?.(count) },
    });
    this.kernel = instance.exports as unknown as StepSweepExports;
  }

  /** Forget every allocation (their contents stay until overwritten). */
  reset(): void {
    this.top = FIRST_ALLOCATION;
  }

  /** Byte address of `bytes` fresh bytes, 16-byte aligned; grows the memory (detaching earlier views) if needed. */
  alloc(bytes: number): number {
    const at = this.top;
    this.top = at + Math.ceil(bytes / 16) * 16;
    const have = this.kernel.memory.buffer.byteLength;
    if (this.top > have) this.kernel.memory.grow(Math.ceil((this.top - have) / PAGE_BYTES));
    return at;
  }

  f64(address: number, length: number): Float64Array {
    return new Float64Array(this.kernel.memory.buffer, address, length);
  }

  i32(address: number, length: number): Int32Array {
    return new Int32Array(this.kernel.memory.buffer, address, length);
  }

  u8(address: number, length: number): Uint8Array {
    return new Uint8Array(this.kernel.memory.buffer, address, length);
  }

  /** Where the kernel hands over a full output buffer while it sweeps. */
  onFlush(sink: ((count: number) => void) | undefined): void {
    this.sink = sink;
  }
}

let threadArena: SweepArena | undefined;

/** The calling thread's arena (each worker has its own module instance and memory). */
export function sweepArena(): SweepArena {
  threadArena ??= new SweepArena();
  return threadArena;
}
