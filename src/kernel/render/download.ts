/**
 * Content-Disposition for a Chinese file name: an ASCII fallback for old clients and the
 * real name RFC 5987-encoded (filename*=UTF-8''…), which every current browser uses.
 */
export function contentDisposition(fileName: string, disposition: 'inline' | 'attachment' = 'attachment'): string {
  const clean = fileName.replace(/[\\/:*?"<>|\r\n]/g, '_');
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot).replace(/[^\w.]/g, '') : '';
  const ascii = clean.replace(/[^\x20-\x7e]/g, '').replace(/[";\\]/g, '').trim();
  const fallback = /[A-Za-z0-9]/.test(ascii.slice(0, ascii.length - ext.length)) ? ascii : `download${ext}`;
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
