import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';

import { verifyAccessToken } from '../auth/jwt';
import { logger } from '../logger';

const REALM = 'acme-checkout';

function challenge(res: Response, message: string) {
  res.setHeader('WWW-Authenticate', `Bearer realm="${REALM}", error="invalid_token"`);
  return res.status(401).json({ error: message });
}

export async function requireAuth(req: Request, res: Response, next: NextFunction) {
  const header = req.get('authorization');
  if (!header) {
    return challenge(res, 'Authorization header is required: "Authorization: Bearer <access_token>"');
  }
  if (!header.startsWith('Bearer ')) {
    logger.warn({ path: req.path, auth: header.slice(0, 6) + '***' }, 'non-bearer credentials');
    return challenge(res, 'Expected a Bearer token');
  }
  const token = header.slice('Bearer '.length).trim();
  try {
    res.locals.user = await verifyAccessToken(token);
    return next();
  } catch {
    return challenge(res, 'Token expired or invalid');
  }
}

// Prometheus scrapes /metrics with a static Basic pair from the secret store.
export function requireMetricsAuth(req: Request, res: Response, next: NextFunction) {
  const expected = Buffer.from(`Basic ${process.env.METRICS_BASIC_TOKEN!}`);
  const got = Buffer.from(req.headers.authorization ?? '');
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
    res.setHeader('WWW-Authenticate', 'Basic realm="metrics"');
    return res.status(401).end();
  }
  return next();
}
