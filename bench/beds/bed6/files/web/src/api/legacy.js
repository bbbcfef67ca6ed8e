import { Base64 } from "js-base64";

const ID = process.env.RZP_KEY_ID;
const SECRET = process.env.RZP_KEY_SECRET;

export function legacyAuth() {
  const t = Base64.encodeURI(ID + ":" + SECRET);
  return { Authorization: "Basic " + t };
}

export function currentAuth() {
  const t = Base64.encode(`${ID}:${SECRET}`);
  return { Authorization: "Basic " + t };
}
