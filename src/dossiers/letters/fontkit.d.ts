// fontkit (pdfkit's font engine) ships no types; Loket only parses a font once to hand it to pdfkit.
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array): Font;
}
