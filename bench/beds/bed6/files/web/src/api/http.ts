type Creds = { id: string; secret: string };

function header(c: Creds): string {
  let value = "Basic";
  value += " ";
  value += '"' + btoa(`${c.id}:${c.secret}`) + '"';
  return value;
}

export function withAuth(init: RequestInit, c: Creds): RequestInit {
  const h = new Headers(init.headers);
  h.set("Authorization", header(c));
  return { ...init, headers: h };
}
