/**
 * Encodes an ImageBitmap as PNG off the page's main thread (exportPicture.ts); answers
 * the Blob, or null when this browser's workers cannot (the page then encodes itself).
 * Typed by hand: the webworker lib would clash with the DOM lib of the rest of the app.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<ImageBitmap>) => void) | null; postMessage(result: Blob | null): void };

scope.onmessage = (event) => {
  const bitmap = event.data;
  void (async () => {
    try {
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
      scope.postMessage(await canvas.convertToBlob({ type: 'image/png' }));
    } catch {
      scope.postMessage(null);
    }
  })();
};
