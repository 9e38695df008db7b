/**
 * dist/check-worker.js, a worker thread of `govreport check`: loads the worker (dist/check-worker-main.js)
 * through the compile cache (node/compile-cache.ts), which the worker writes after its first batch.
 */
import * as path from 'node:path';
import { loadWithCompileCache } from '../../node/compile-cache';

loadWithCompileCache(path.join(__dirname, 'check-worker-main.js'));
