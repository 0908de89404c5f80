// npm run bench -- NAME [args]: runs bench/NAME.ts, which prints one JSON line per figure
// ({ name, value, unit, baseline, ratio, ... }). Results are recorded by hand in bench/RESULTS.md.
export {};

const [bench, ...args] = process.argv.slice(2);
const known = ['http', 'search', 'web', 'tracing', 'import', 'testing-summary', 'zones', 'quarantine', 'campaigns'];
if (!bench || !known.includes(bench)) {
  console.error(`Dùng: npm run bench -- <${known.join('|')}> [tham số]`);
  process.exit(2);
}
const mod = (await import(`./${bench}.ts`)) as { run(args: string[]): Promise<void> };
await mod.run(args);
