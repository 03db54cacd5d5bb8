import type { FastifyReply } from 'fastify';

/** Sends bytes as a download named `fileName` (RFC 6266: an ASCII fallback and the UTF-8 name). */
export function sendFile(
  reply: FastifyReply,
  fileName: string,
  contentType: string,
  bytes: Buffer | string,
): FastifyReply {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(bytes);
}
