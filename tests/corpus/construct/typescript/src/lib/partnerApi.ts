// Typed fetch wrapper for the statements partner (Basic for the token call, Bearer after).

export interface PartnerConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface Statement {
  id: string;
  amount: number;
  currency: string;
}

const config: PartnerConfig = {
  baseUrl: process.env.PARTNER_BASE_URL ?? 'https://statements.partner.example.net',
  clientId: process.env.PARTNER_CLIENT_ID ?? '',
  clientSecret: process.env.PARTNER_CLIENT_SECRET ?? '',
};

function tokenRequestHeaders(clientId: string, clientSecret: string): Headers {
  const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' });
  const basic: string = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
  headers.set('Authorization', `Basic ${basic}`);
  return headers;
}

function tokenRequestHeadersNoColon(clientId: string, clientSecret: string): Headers {
  const headers = new Headers();
  const basic: string = Buffer.from(`${clientId}${clientSecret}`).toString('base64');
  headers.set('Authorization', `Basic ${basic}`);
  return headers;
}

function tokenRequestHeadersBase64Url(clientId: string, clientSecret: string): Headers {
  const headers = new Headers();
  const basic: string = Buffer.from(`${clientId}:${clientSecret}`).toString('base64url');
  headers.set('Authorization', `Basic ${basic}`);
  return headers;
}

function tokenRequestHeadersTwoSpaces(clientId: string, clientSecret: string): Headers {
  const headers = new Headers();
  const basic: string = btoa(`${clientId}:${clientSecret}`);
  headers.set('Authorization', 'Basic  ' + basic);
  return headers;
}

function tokenRequestHeadersJson(clientId: string, clientSecret: string): Headers {
  const headers = new Headers();
  headers.set('Authorization', `Basic ${JSON.stringify({ clientId, clientSecret })}`);
  return headers;
}

export async function accessToken(): Promise<string> {
  const res = await fetch(`${config.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: tokenRequestHeaders(config.clientId, config.clientSecret),
    body: 'grant_type=client_credentials',
  });
  const body = (await res.json()) as { access_token: string };
  return body.access_token;
}

export async function statements(token: string): Promise<Statement[]> {
  const res = await fetch(`${config.baseUrl}/v1/statements`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  });
  return (await res.json()) as Statement[];
}

export async function statementsQuoted(token: string): Promise<Statement[]> {
  const res = await fetch(`${config.baseUrl}/v1/statements`, {
    headers: { Authorization: `Bearer "${token}"` },
  });
  return (await res.json()) as Statement[];
}

export async function statementsTemplate(token: string): Promise<Statement[]> {
  const res = await fetch(`${config.baseUrl}/v1/statements`, {
    headers: { Authorization: 'Bearer ${token}' },
  });
  return (await res.json()) as Statement[];
}

export {
  tokenRequestHeadersNoColon,
  tokenRequestHeadersBase64Url,
  tokenRequestHeadersTwoSpaces,
  tokenRequestHeadersJson,
};
