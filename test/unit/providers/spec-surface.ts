// Loads the API descriptions kept in the repository's specs/ (Fitbit Swagger, Google Health
// discovery), and answers whether a request's method and path exist in them.
import * as fs from 'fs';
import * as path from 'path';

const SPECS = path.join(__dirname, '..', '..', '..', 'specs');

function load(file: string): Record<string, unknown> {
  const full = path.join(SPECS, file);
  if (!fs.existsSync(full)) {
    throw new Error(
      `Missing API description ${full}: specs/ at the repository's root holds it (see specs/README.md)`,
    );
  }
  return JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>;
}

function templateToRegExp(template: string): RegExp {
  const escaped = template
    .split(/(\{\+?[^}]+\})/)
    .map((part) =>
      /^\{\+/.test(part)
        ? '(.+)'
        : /^\{/.test(part)
          ? '([^/]+)'
          : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${escaped}$`);
}

interface SwaggerParam {
  name: string;
  in: string;
  enum?: string[];
}

/** The Swagger operation matching a Fitbit URL, with path-parameter enums honoured. */
export function fitbitOperation(method: string, url: string): string | null {
  const spec = load('fitbit-web-api-swagger.json') as {
    host: string;
    paths: Record<string, Record<string, { operationId: string; parameters?: SwaggerParam[] }>>;
  };
  const u = new URL(url);
  if (u.host !== spec.host) return null;
  for (const [template, ops] of Object.entries(spec.paths)) {
    const m = templateToRegExp(template).exec(u.pathname);
    const op = ops[method.toLowerCase()];
    if (!m || !op) continue;
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((x) => x[1]);
    const enumsOk = names.every((name, i) => {
      const param = op.parameters?.find((p) => p.name === name && p.in === 'path');
      return !param?.enum || param.enum.includes(m[i + 1]);
    });
    if (enumsOk) return op.operationId;
  }
  return null;
}

interface DiscoveryMethod {
  id: string;
  httpMethod: string;
  path: string;
  request?: { $ref: string };
}

export function googleDiscovery(): {
  rootUrl: string;
  methods: DiscoveryMethod[];
  schemas: Record<string, { properties?: Record<string, { $ref?: string; type?: string }> }>;
} {
  const doc = load('google-health-v4.discovery.json') as {
    rootUrl: string;
    resources: Record<string, unknown>;
    schemas: Record<string, { properties?: Record<string, { $ref?: string; type?: string }> }>;
  };
  const methods: DiscoveryMethod[] = [];
  const walk = (resources: Record<string, unknown>): void => {
    for (const res of Object.values(resources) as {
      methods?: Record<string, DiscoveryMethod>;
      resources?: Record<string, unknown>;
    }[]) {
      methods.push(...Object.values(res.methods ?? {}));
      if (res.resources) walk(res.resources);
    }
  };
  walk(doc.resources);
  return { rootUrl: doc.rootUrl, methods, schemas: doc.schemas };
}

/** The discovery method matching a Google Health URL and HTTP method. */
export function googleMethod(method: string, url: string): DiscoveryMethod | null {
  const { rootUrl, methods } = googleDiscovery();
  if (!url.startsWith(rootUrl)) return null;
  const rest = url.slice(rootUrl.length);
  return (
    methods.find(
      (m) => m.httpMethod === method.toUpperCase() && templateToRegExp(m.path).test(rest),
    ) ?? null
  );
}

/** Every property path of a JSON value that the schema does not declare (empty when all exist). */
export function undeclaredFields(value: unknown, schemaName: string, prefix = ''): string[] {
  const { schemas } = googleDiscovery();
  const schema = schemas[schemaName];
  if (!schema?.properties || typeof value !== 'object' || value === null) return [];
  const missing: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const prop = schema.properties[key];
    if (!prop) {
      missing.push(`${prefix}${key}`);
      continue;
    }
    if (prop.$ref) missing.push(...undeclaredFields(child, prop.$ref, `${prefix}${key}.`));
  }
  return missing;
}
