// Vite's `?url` import: the emitted asset's URL (used for the pdfjs worker).
declare module '*?url' {
  const url: string;
  export default url;
}
