/**
 * pdf.js, loaded on first use (its own bundle, dist/pdfjs.js, with its worker, which runs in this thread: no
 * worker file, no network). Its modern build, not the legacy one: the legacy build carries core-js, which
 * replaces built-ins of the whole process (Array.prototype.push among them, with a slower one in JavaScript),
 * so every later check would pay for it. The modern build needs only Promise.withResolvers beyond Node 20,
 * added here when missing (the standard function, nothing else changed). Its warnings at load time ("use the
 * legacy build in Node.js") are kept off stdout.
 */
export type PdfJs = typeof import('pdfjs-dist', { with: { 'resolution-mode': 'import' } });

let loading: Promise<PdfJs> | undefined;

/** Promise.withResolvers (ES2024; Node 22), for Node 20 and VS Code's extension host on it. */
function withResolvers<T>(): { promise: Promise<T>; resolve: (v: T | PromiseLike<T>) => void; reject: (e?: unknown) => void } {
  let resolve!: (v: T | PromiseLike<T>) => void;
  let reject!: (e?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function loadPdfJs(): Promise<PdfJs> {
  return (loading ??= (async () => {
    const P = Promise as unknown as { withResolvers?: typeof withResolvers };
    if (typeof P.withResolvers !== 'function') Object.defineProperty(Promise, 'withResolvers', { value: withResolvers, writable: true, configurable: true });
    const log = console.log;
    console.log = () => undefined;
    try {
      // @ts-expect-error: the worker module ships without type declarations
      const worker: unknown = await import('pdfjs-dist/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist');
    } finally {
      console.log = log;
    }
  })());
}
