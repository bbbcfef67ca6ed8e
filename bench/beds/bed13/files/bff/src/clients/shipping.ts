import { config } from '../config';

export interface Quote {
  courier: string;
  etaDays: number;
  pricePaise: number;
}

export async function quote(fromPin: string, toPin: string, weightGrams: number): Promise<Quote[]> {
  const url = new URL(`${config.shipping.baseUrl}/quotes`);
  url.searchParams.set('from', fromPin);
  url.searchParams.set('to', toPin);
  url.searchParams.set('weight', String(weightGrams));
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${config.shipping.token}` },
  });
  if (!res.ok) {
    throw new Error(`shipping quote failed: ${res.status}`);
  }
  return (await res.json()).quotes;
}

export async function track(awb: string): Promise<unknown> {
  const res = await fetch(`${config.shipping.baseUrl}/track/${awb}`, {
    headers: { Authorization: 'Bearer ${config.shipping.token}' },
  });
  return res.json();
}
