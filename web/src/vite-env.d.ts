// Vite's asset imports, typed here because the root tsconfig only loads Node's types.
declare module '*?url' {
  const url: string;
  export default url;
}
