/** A document's file name as the user knows it, from its URI (the URI itself when an escape in it is malformed). */
export function fileNameOf(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri;
  }
}
