import type { FastifyInstance, RouteOptions } from 'fastify';

export interface RouteRecord {
  method: string;
  url: string;
  permission: string;
  rules: string[];
}

/**
 * Every route under /api declares its permission (or 'public' / 'authenticated'); a route
 * that declares none stops the server from starting (STYLE R7).
 */
export function installRouteGuard(app: FastifyInstance, table: RouteRecord[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.method === 'HEAD' || (Array.isArray(route.method) && route.method.includes('HEAD') && route.method.length === 1)) return;
    const permission = route.config?.permission;
    if (!permission) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no permission (config.permission)`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      table.push({ method, url: route.url, permission, rules: route.config?.rules ?? [] });
    }
  });
}
