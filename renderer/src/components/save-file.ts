/** Hands a file the page made to the browser's downloads, as a temporary link clicked once. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own copy once it starts.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}
