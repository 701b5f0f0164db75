import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../kernel/db';
import type { Ctx } from '../../kernel/context';
import { audit } from '../../kernel/audit/write';
import { errors } from '../../kernel/errors';
import { newId } from '../../kernel/ids';

/**
 * Uploaded files of the Rain-Dew procedure, kept in the database (both engines, backed up with
 * it), size-limited while reading and checked by their first bytes: photos are JPEG or PNG,
 * attachments may also be PDF, DOCX/XLSX (ZIP) or plain text.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const SNIFF: { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'application/zip', test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
];

export function sniff(b: Buffer): string | null {
  return SNIFF.find((s) => s.test(b))?.type ?? null;
}

/** Read a request body stream up to `max` bytes; more is refused before it is all read. */
export async function readLimited(body: Readable | Buffer, max = MAX_FILE_BYTES): Promise<Buffer> {
  if (Buffer.isBuffer(body)) {
    if (body.length > max) throw errors.badRequest(`文件超过大小上限（${Math.round(max / 1048576)}MB）`);
    return body;
  }
  const parts: Buffer[] = [];
  let n = 0;
  for await (const chunk of body) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    n += b.length;
    if (n > max) {
      body.destroy();
      throw errors.badRequest(`文件超过大小上限（${Math.round(max / 1048576)}MB）`);
    }
    parts.push(b);
  }
  return Buffer.concat(parts);
}

export async function storeFile(
  ctx: Ctx,
  input: { purpose: 'photo' | 'attachment' | 'certificate' | 'graduate'; ownerType: string; ownerId: string; label?: string | null; fileName: string; content: Buffer },
): Promise<{ id: string; contentType: string; size: number }> {
  if (input.content.length === 0) throw errors.badRequest('文件为空');
  const type = sniff(input.content);
  const allowed = input.purpose === 'photo' ? ['image/jpeg', 'image/png'] : ['image/jpeg', 'image/png', 'application/pdf', 'application/zip'];
  if (!type || !allowed.includes(type)) {
    throw errors.badRequest(input.purpose === 'photo' ? '公示照片须为JPEG或PNG图片' : '附件须为PDF、图片或Office文档');
  }
  const id = newId('rfile');
  await ctx.db.execute(sql`insert into rain_files (id, purpose, owner_type, owner_id, label, file_name, content_type, size, sha256, content_base64, uploaded_by, uploaded_at)
    values (${id}, ${input.purpose}, ${input.ownerType}, ${input.ownerId}, ${input.label ?? null}, ${input.fileName.slice(0, 200)}, ${type}, ${input.content.length},
      ${createHash('sha256').update(input.content).digest('hex')}, ${input.content.toString('base64')}, ${ctx.actor?.accountId ?? null}, ${ctx.clock.now().toISOString()})`);
  await audit(ctx, { event: 'rain.file.upload', objectType: input.ownerType, objectId: input.ownerId, detail: { fileId: id, purpose: input.purpose, label: input.label ?? null, fileName: input.fileName, size: input.content.length, contentType: type } });
  return { id, contentType: type, size: input.content.length };
}

export interface FileMeta {
  id: string;
  purpose: string;
  label: string | null;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

export async function filesOf(db: Db, ownerType: string, ownerId: string): Promise<FileMeta[]> {
  return rows<FileMeta>(db, sql`select id, purpose, label, file_name as "fileName", content_type as "contentType", size, uploaded_at as "uploadedAt"
    from rain_files where owner_type = ${ownerType} and owner_id = ${ownerId} order by uploaded_at, id`);
}

export async function readFile(db: Db, id: string): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const [f] = await rows<{ fileName: string; contentType: string; b64: string }>(db, sql`select file_name as "fileName", content_type as "contentType", content_base64 as b64 from rain_files where id = ${id}`);
  if (!f) throw errors.notFound('文件');
  return { fileName: f.fileName, contentType: f.contentType === 'application/zip' ? 'application/octet-stream' : f.contentType, content: Buffer.from(f.b64, 'base64') };
}
