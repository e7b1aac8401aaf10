// The simulator's route table type and matcher: production host, method and a path template whose
// {name} segments become parameters (the templates are checked against the published specs).
import type { SimContext } from './context';
import type { SimRequest, SimResponse } from './types';

export type RouteKind = 'oauth' | 'data' | 'identity' | 'page';

export interface Route {
  host: string;
  method: string;
  /** Path template, e.g. /1/user/-/activities/{resource-path}/date/{base-date}/{end-date}.json */
  template: string;
  kind: RouteKind;
  /** For Google routes: the discovery method id (e.g. users.dataTypes.dataPoints.dailyRollUp). */
  discoveryMethod?: string;
  /** Extra constraints on parameter values, to tell apart templates of the same shape. */
  constraints?: Record<string, RegExp>;
  handle(
    ctx: SimContext,
    req: SimRequest,
    params: Record<string, string>,
  ): SimResponse | Promise<SimResponse>;
}

export function matchTemplate(
  template: string,
  path: string,
  constraints: Record<string, RegExp> = {},
): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const m = /^\{([^}]+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1]);
      return '([^/]+?)';
    })
    .join('');
  const m = new RegExp(`^${pattern}$`).exec(path);
  if (!m) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) {
    params[names[i]] = decodeURIComponent(m[i + 1]);
    const c = constraints[names[i]];
    if (c && !c.test(params[names[i]])) return null;
  }
  return params;
}
