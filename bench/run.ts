// npm run bench -- NAME [args]: runs bench/NAME.ts, which prints one JSON line per figure
// ({ name, value, unit, baseline, ratio, ... }). Results are recorded by hand in bench/RESULTS.md.
const [name, ...args] = process.argv.slice(2);
const known = ['http', 'search', 'web'];
if (!name || !known.includes(name)) {
  console.error(`Dùng: npm run bench -- <${known.join('|')}> [tham số]`);
  process.exit(2);
}
const mod = (await import(`./${name}.ts`)) as { run(args: string[]): Promise<void> };
await mod.run(args);
