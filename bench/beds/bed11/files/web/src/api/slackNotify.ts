const SLACK_API = 'https://slack.com/api/chat.postMessage';

export async function notifyFailedPayout(channel: string, payoutId: string) {
  const token = process.env.SLACK_BOT_TOKEN;
  const res = await fetch(SLACK_API, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      Authorization: token!,
    },
    body: JSON.stringify({ channel, text: `Payout ${payoutId} failed` }),
  });
  return res.json();
}

export async function notifyOps(text: string) {
  const res = await fetch(SLACK_API, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      Authorization: `Bearer ${process.env.SLACK_OPS_TOKEN}`,
    },
    body: JSON.stringify({ channel: '#payments-ops', text }),
  });
  return res.json();
}
