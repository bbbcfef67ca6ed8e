import fetch, { RequestInit } from 'node-fetch'
import { RelayError } from './errors'

export interface ClientOptions {
  apiKey: string
  baseUrl?: string
  timeoutMs?: number
}

export class RelayClient {
  private readonly baseUrl: string
  private readonly token: string

  constructor (opts: ClientOptions) {
    if (!opts.apiKey) {
      throw new RelayError('Missing API key. Pass { apiKey } or set RELAY_API_KEY.')
    }
    this.baseUrl = opts.baseUrl ?? 'https://api.relay.dev/v2'
    this.token = `Bearer ${opts.apiKey}`
  }

  private async request<T> (path: string, init: RequestInit = {}): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${this.token}`,
        ...(init.headers as Record<string, string>)
      }
    })
    if (res.status === 401) {
      throw new RelayError('Unauthorized: check your API key')
    }
    return res.json() as Promise<T>
  }

  listMessages (): Promise<unknown[]> {
    return this.request('/messages')
  }
}
