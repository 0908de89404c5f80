/** A readable, dependency-free page of the OpenAPI document: one section per tag, each operation with its parameters. */
export function apiDocsHtml(doc: { info: { title: string; description: string }; paths: Record<string, Record<string, any>> }): string {
  const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? [])
        .map((p: any) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', bắt buộc' : ''}) <code>${esc(JSON.stringify(p.schema))}</code></li>`)
        .join('');
      const body = op.requestBody
        ? `<details><summary>Nội dung (JSON)</summary><pre>${esc(JSON.stringify(op.requestBody.content['application/json'].schema, null, 2))}</pre></details>`
        : '';
      const html = `<section><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3><p>${esc(op.summary)}</p><p class="d">${esc(op.description)}</p>${params ? `<ul>${params}</ul>` : ''}${body}</section>`;
      const tag = op.tags?.[0] ?? 'khác';
      (byTag.get(tag) ?? byTag.set(tag, []).get(tag)!).push(html);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2 id="${esc(tag)}">${esc(tag)}</h2>${ops.join('')}`).join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(doc.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:auto;padding:1rem;line-height:1.4}section{border-top:1px solid #ddd;padding:.5rem 0}.m{font-weight:700;padding:0 .4rem;border-radius:3px;color:#fff;background:#555}.get{background:#1677ff}.post{background:#389e0d}.patch,.put{background:#d48806}.delete{background:#cf1322}.d{color:#666;font-size:.9em}pre{background:#f6f6f6;padding:.5rem;overflow:auto}</style></head>
<body><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}. Lỗi trả về dạng <code>application/problem+json</code> với <code>code</code>, <code>detail</code> (tiếng Việt) và <code>field</code>. Bản máy đọc: <a href="/api/openapi.json">/api/openapi.json</a>.</p>${sections}</body></html>`;
}
