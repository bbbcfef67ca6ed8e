import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

import { config } from '../config';

export interface Session {
  sub: string;
  role: 'buyer' | 'seller' | 'admin';
}

export function requireSession(req: Request, res: Response, next: NextFunction): void {
  const header = req.header('authorization') ?? '';
  const [scheme, token] = header.split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) {
    res.status(401).set('WWW-Authenticate', 'Bearer realm="bazaarly"').end();
    return;
  }
  try {
    res.locals.session = jwt.verify(token, config.jwtSecret) as Session;
    next();
  } catch {
    res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').end();
  }
}

export function backendHeaders(session: Session): Record<string, string> {
  return {
    Authorization: `Bearer ${config.backendServiceToken}`,
    'X-Bazaarly-User': session.sub,
    'X-Bazaarly-Role': session.role,
  };
}

export function sellerPayoutAuth(keyId: string, keySecret: string): Record<string, string> {
  return { Authorization: 'Basic ' + Buffer.from(keyId + keySecret).toString('base64') };
}
