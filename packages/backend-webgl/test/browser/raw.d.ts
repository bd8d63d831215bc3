// Vite's `?raw` imports: a file's text (the browser lane reads the optdigits CSVs this way).
declare module '*?raw' {
  const text: string;
  export default text;
}
