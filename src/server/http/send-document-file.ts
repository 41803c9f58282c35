import type { FastifyReply } from 'fastify';
import { contentDisposition } from './content-disposition.ts';

export interface DocumentFile {
  bytes: Uint8Array;
  mediaType: string;
  /** The file name with its extension, in Chinese. */
  fileName: string;
  /** The ASCII fallback with its extension, for clients that cannot read RFC 5987 names. */
  asciiName: string;
  /** Shown in the browser rather than saved. */
  inline?: boolean;
  /** An HTML document: locked down with a CSP that allows nothing but its inline stylesheet. */
  html: boolean;
  /** Extra headers, e.g. cache-control. */
  headers?: Record<string, string>;
}

/**
 * Answers with a generated document (a report, a letter): names the file, forbids sniffing, and
 * locks an HTML document down with a CSP. Shared by the report routes and the letter route.
 */
export function sendDocumentFile(reply: FastifyReply, file: DocumentFile): FastifyReply {
  void reply
    .header('content-type', file.mediaType)
    .header(
      'content-disposition',
      contentDisposition(file.fileName, file.asciiName, file.inline ? 'inline' : 'attachment'),
    )
    .header('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(file.headers ?? {})) void reply.header(name, value);
  if (file.html) {
    // The page needs nothing but its inline stylesheet.
    void reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
  }
  return reply.status(200).send(Buffer.from(file.bytes));
}
