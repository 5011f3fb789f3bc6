/**
 * Hands bytes to the browser's own download handling through the page: a Blob, an object URL and an
 * `<a download>` clicked. No extension download API, so the browser treats it like any page download.
 */
export function downloadFile(content: Uint8Array | string | readonly string[], fileName: string, type: string): void {
  // Text parts (a file built a chunk at a time) are joined by the Blob itself, as UTF-8.
  const parts: BlobPart[] = typeof content === 'string' ? [content] : content instanceof Uint8Array ? [new Uint8Array(content)] : [...content];
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is kept a while for browsers that read it late.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `roster-audit-20250101-0930` style stamp for file names, in local time. */
export function fileStamp(time: number): string {
  const d = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}`;
}
