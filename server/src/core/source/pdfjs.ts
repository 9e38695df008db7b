/**
 * pdf.js, loaded on first use (about 2 MB with its worker, which runs in this thread: no worker file, no
 * network). Its warnings at load time (no canvas for rendering — we only read text) are kept off stdout.
 */
export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs', { with: { 'resolution-mode': 'import' } });

let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  return (loading ??= (async () => {
    const log = console.log;
    console.log = () => undefined;
    try {
      // @ts-expect-error: the worker module ships without type declarations
      const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })());
}
