// The part of the WebAssembly JavaScript API the step sweep uses. Node has the global, but TypeScript declares
// it only in the DOM library, which this project does not load (its other globals do not exist in Node).
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
}
