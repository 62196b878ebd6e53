import { CSV_SCAN_WASM } from './csv-scan-wasm.js';

/** Bytes scanned per call: a window's positions fit in the scanner's memory whatever the bytes are. */
export const SCAN_WINDOW = 64 * 1024;
/** Where the positions start in the scanner's memory (after the window and 16 bytes it may read past). */
const OUT = SCAN_WINDOW + 16;
const PAGE = 65_536;

/** The part of the WebAssembly API used here (Node's own types for version 20 do not declare it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: { memory: { buffer: ArrayBuffer; grow(pages: number): number }; scan: ScanFn } };
}
type WasmModule = { readonly __wasmModule: unique symbol };
type ScanFn = (p: number, n: number, out: number, delimiter: number, lineEnd: number) => number;

const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: WasmModule | null | undefined;

/** The compiled scanner, or null where WebAssembly SIMD is missing (the parser then scans in JavaScript). */
function scannerModule(): WasmModule | null {
  if (compiled === undefined) {
    const bytes = Buffer.from(CSV_SCAN_WASM, 'base64');
    compiled = wasm && wasm.validate(bytes) ? new wasm.Module(bytes) : null;
  }
  return compiled;
}

/** The one instance of the scanner in this thread: its memory and its function. */
interface Instance {
  memory: Uint8Array;
  positions: Int32Array;
  run: ScanFn;
}

let instance: Instance | null | undefined;

/**
 * The thread's instance, made on first use and shared by every parser of the thread: a scan is
 * used up before the parser that made it returns, and each WebAssembly memory reserves a large
 * address range, too costly to make for every file.
 */
function scannerInstance(): Instance | null {
  if (instance === undefined) {
    const module = scannerModule();
    if (!module) return (instance = null);
    const made = new wasm!.Instance(module, {});
    const memory = made.exports.memory;
    const need = OUT + SCAN_WINDOW * 4;
    memory.grow(Math.ceil(need / PAGE) - memory.buffer.byteLength / PAGE);
    instance = { memory: new Uint8Array(memory.buffer), positions: new Int32Array(memory.buffer, OUT, SCAN_WINDOW), run: made.exports.scan };
  }
  return instance;
}

/**
 * Finds the bytes a CSV parser stops at (the delimiter, the double quote and the line-end byte) in
 * windows of a buffer, 16 bytes at a time (WebAssembly SIMD, csv-scan.wat). The parser then visits
 * only those bytes instead of every byte of the file. The positions of a scan are valid until the
 * next scan by any parser of the thread.
 */
export class ByteScanner {
  /** After scan(): the window's positions are positions[0, count), as offsets from the window start. */
  readonly positions: Int32Array;

  private constructor(
    private readonly instance: Instance,
    private readonly delimiter: number,
    private readonly lineEnd: number,
    /** Bytes scanned per call (at most SCAN_WINDOW; tests use small windows to cross their edges often). */
    readonly window: number,
  ) {
    this.positions = instance.positions;
  }

  /** A scanner, or undefined where WebAssembly SIMD is missing. */
  static create(delimiter: number, lineEnd: number, window = SCAN_WINDOW): ByteScanner | undefined {
    const shared = scannerInstance();
    return shared ? new ByteScanner(shared, delimiter, lineEnd, Math.max(1, Math.min(window, SCAN_WINDOW))) : undefined;
  }

  /** Scans buf[from, min(from + window, buf.length)); returns how many positions it found. */
  scan(buf: Uint8Array, from: number): number {
    const end = Math.min(buf.length, from + this.window);
    this.instance.memory.set(buf.subarray(from, end), 0);
    return this.instance.run(0, end - from, OUT, this.delimiter, this.lineEnd);
  }
}
