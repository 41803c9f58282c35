/**
 * The file extensions a published annual report is read from (import, the checker, the upload
 * pickers): text, Markdown, web pages, Word (2007+ and 97–2003, and WPS's Word-format .wps) and
 * PDF. The readers tell the format from the content; the extension only selects files.
 */
export const REPORT_FILE_EXTENSIONS = [
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.shtml',
  '.docx',
  '.doc',
  '.wps',
  '.pdf',
] as const;

/**
 * Extensions of page images (a scanned report's pages: JPG, PNG, TIFF). The images of one folder
 * (or of one folder of a zip) are read as ONE report, their pages in natural name order (p2 before
 * p10); the reader tells the image format from the content.
 */
export const PAGE_IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.tif', '.tiff'] as const;
