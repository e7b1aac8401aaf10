// The Google add-on look shared by server-built pages, inline (no external stylesheet or font:
// the pages must work offline).
export const PAGE_STYLE = `
body{font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124;margin:0;padding:24px;line-height:1.45}
main{max-width:520px;margin:0 auto}
h1{font-size:20px;font-weight:normal;margin:0 0 12px}
.ok h1{color:#137333}.warn h1{color:#b06000}.bad h1{color:#c5221f}
ul{padding-left:20px}
a{color:#1a73e8}
a:focus,button:focus{outline:2px solid #1a73e8;outline-offset:2px}
.hint{color:#5f6368;font-size:13px}
.btn{display:inline-block;background:#1a73e8;color:#fff;border:0;border-radius:4px;padding:8px 16px;text-decoration:none;font-size:14px}
`;

export function page(title: string, tone: 'ok' | 'warn' | 'bad', body: string): string {
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${title}</title><style>${PAGE_STYLE}</style></head>` +
    `<body><main class="${tone}" role="main">${body}</main></body></html>`
  );
}
