const BASE = 'https://api.partner-bank.example/v2';

export async function getStatements(): Promise<unknown> {
  const res = await fetch(`${BASE}/statements`, {
    headers: { Authorization: 'Bearer JLeYIBSblflpKZ3uBH5vw6gDDrW2FGnhsq7aZX7o' },
  });
  return res.json();
}

export function proxyHeaders(creds: string): Record<string, string> {
  return { Authorization: 'Authorization: Basic ' + creds };
}

export function doubledSpace(token: string): Record<string, string> {
  return { Authorization: `Basic  ${token}` };
}

export function fine(token: string): Record<string, string> {
  return { Authorization: `Basic ${token}` };
}
