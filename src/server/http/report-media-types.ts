/**
 * The content types a report document may be sent as (the reader tells the format from the bytes
 * and the file name, so any of them, or none in particular, is accepted).
 */
export const REPORT_MEDIA_TYPES = [
  'application/octet-stream',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
  'application/vnd.ms-works',
  'application/wps-office.wps',
  'application/wps-office.doc',
  'application/kswps',
  'text/html',
  'text/plain',
  'text/markdown',
];
