'use strict';

const https = require('node:https');

function request(options, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(options, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function createGithubIssue(repo, title, body) {
  return request(
    {
      hostname: 'api.github.com',
      path: `/repos/${repo}/issues`,
      method: 'POST',
      headers: {
        Authorization: 'token ' + process.env.GITHUB_TOKEN,
        'User-Agent': 'acme-notifier',
        Accept: 'application/vnd.github+json',
      },
    },
    JSON.stringify({ title, body }),
  );
}

async function postSlack(channel, text) {
  const token = process.env.SLACK_BOT_TOKEN;
  return request(
    {
      hostname: 'slack.com',
      path: '/api/chat.postMessage',
      method: 'POST',
      headers: {
        Authorization: `Bearer "${token}"`,
        'Content-Type': 'application/json; charset=utf-8',
      },
    },
    JSON.stringify({ channel, text }),
  );
}

async function sendSms(to, text) {
  const sid = process.env.TWILIO_ACCOUNT_SID;
  const basic = Buffer.from(`${sid}:${process.env.TWILIO_AUTH_TOKEN}`).toString('base64');
  const form = new URLSearchParams({ To: to, From: process.env.TWILIO_FROM, Body: text }).toString();
  return request(
    {
      hostname: 'api.twilio.com',
      path: `/2010-04-01/Accounts/${sid}/Messages.json`,
      method: 'POST',
      headers: {
        Authorization: 'Basic ' + basic,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    },
    form,
  );
}

async function pagerdutyTrigger(summary) {
  const headers = {
    Authorization: `Token token=${process.env.PAGERDUTY_TOKEN}`,
    'Content-Type': 'application/json',
  };
  return request(
    { hostname: 'events.pagerduty.com', path: '/v2/enqueue', method: 'POST', headers },
    JSON.stringify({ routing_key: process.env.PD_ROUTING_KEY, event_action: 'trigger', payload: { summary, severity: 'error', source: 'notifier' } }),
  );
}

module.exports = { createGithubIssue, postSlack, sendSms, pagerdutyTrigger };
