/**
 * Saves `text` as a file through a temporary object URL and link click: no server round trip,
 * nothing left behind in the page.
 */
export function downloadText(
  document: Document,
  filename: string,
  text: string,
  type: string,
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
