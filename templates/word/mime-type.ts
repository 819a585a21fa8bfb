/** What a .docx is, for the save dialog and the contract's DocumentFile. */
export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
