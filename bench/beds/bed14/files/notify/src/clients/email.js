'use strict';

const DOMAIN = process.env.MAILGUN_DOMAIN || 'mg.kitebill.in';

async function sendEmail({ to, subject, html }) {
  const form = new URLSearchParams({ from: `Kitebill <billing@${DOMAIN}>`, to, subject, html });
  const res = await fetch(`https://api.mailgun.net/v3/${DOMAIN}/messages`, {
    method: 'POST',
    headers: {
      Authorization: 'Basic ' + Buffer.from(`api:${process.env.MAILGUN_API_KEY}`).toString('base64'),
    },
    body: form,
  });
  if (!res.ok) {
    throw new Error(`mailgun ${res.status}`);
  }
  return res.json();
}

module.exports = { sendEmail };
