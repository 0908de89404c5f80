/** Fills {name} placeholders of a catalog message: fill('{n} người', { n: '1.234' }) → '1.234 người'. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
