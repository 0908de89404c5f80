import QRCode from 'qrcode';

/** Pixels of the QR image: about 300 dpi at the printed 3 cm. */
const QR_WIDTH = 360;

/** A PNG of the QR code of `text` (error correction M, a two-module quiet zone). */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: QR_WIDTH });
}
