export type { CertificateData } from './data';
export { certificatesDocx } from './docx';
export { certificatesPdf } from './pdf';
export { qrPng } from './qr';
