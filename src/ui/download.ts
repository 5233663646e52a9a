/** Saves text or a blob as a browser download. */

/** A file name from a document name: characters file systems refuse become "-". */
export function fileNameOf(name: string, extension: string): string {
  const safe = [...name].map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '-' : c)).join('');
  const base = safe.trim() || 'organization';
  return `${base}.${extension}`;
}

/** Starts a download of `content` under `fileName`. */
export function download(content: Blob | string, fileName: string, type = 'application/json'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
