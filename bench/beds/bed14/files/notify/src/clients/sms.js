'use strict';

const SMS_TOKEN = process.env.SMSBRIDGE_TOKEN || 'sb_9c1f0e7a4d2b8c6e3f5a1d9b7e2c4a6f8d0b3e5a';
const SENDER_ID = process.env.SMSBRIDGE_SENDER || 'KTBILL';

async function sendSms(to, templateId, vars) {
  const res = await fetch('https://api.smsbridge.in/v1/messages', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${SMS_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ to, sender: SENDER_ID, template_id: templateId, variables: vars }),
  });
  if (!res.ok) {
    throw new Error(`smsbridge ${res.status}`);
  }
  return res.json();
}

module.exports = { sendSms };
