import { createRequire } from 'node:module';

const resolve = createRequire(import.meta.url).resolve;
const tinos = (file: string) => resolve(`@expo-google-fonts/tinos/${file}`);

/**
 * Tinos, metrically compatible with Times New Roman, as full TrueType files from npm (Latin with Vietnamese),
 * so the PDF needs no system font.
 */
export const PDF_FONTS = {
  regular: tinos('400Regular/Tinos_400Regular.ttf'),
  bold: tinos('700Bold/Tinos_700Bold.ttf'),
  italic: tinos('400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  boldItalic: tinos('700Bold_Italic/Tinos_700Bold_Italic.ttf'),
} as const;

/** The font styles the certificate uses. */
export type FontStyle = keyof typeof PDF_FONTS;
