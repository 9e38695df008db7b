/**
 * The moment the client bundle starts evaluating. Imported first by extension.ts, so the evaluation of every
 * other module counts towards the activation time that is logged.
 */
export const loadStart = performance.now();
