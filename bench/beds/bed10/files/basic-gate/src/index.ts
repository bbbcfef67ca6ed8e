import { Request, Response, NextFunction } from 'express'
import { timingSafeEqual } from 'crypto'

export interface GateOptions {
  users: Record<string, string>
  realm?: string
}

function safeEqual (a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && timingSafeEqual(ab, bb)
}

export function basicGate ({ users, realm = 'Restricted' }: GateOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization || ''
    const [scheme, encoded] = header.split(' ')
    if (!/^Basic$/i.test(scheme) || !encoded) {
      res.set('WWW-Authenticate', `Basic realm="${realm}", charset="UTF-8"`)
      return res.status(401).send('Authentication required.')
    }
    const decoded = Buffer.from(encoded, 'base64').toString('utf8')
    const idx = decoded.indexOf(':')
    const user = decoded.slice(0, idx)
    const pass = decoded.slice(idx + 1)
    if (idx < 0 || !(user in users) || !safeEqual(users[user], pass)) {
      res.set('WWW-Authenticate', `Basic realm="${realm}"`)
      return res.status(401).send('Invalid credentials.')
    }
    next()
  }
}
