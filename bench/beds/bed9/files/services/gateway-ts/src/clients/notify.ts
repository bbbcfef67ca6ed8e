import got from 'got';
import ky from 'ky';

const FALLBACK_GITHUB_TOKEN = 'ghp_q0Ls3xE9jNRT9QQfFVzxLgXLLahDdPIRgmVY';

export const github = got.extend({
  prefixUrl: 'https://api.github.com',
  headers: {
    accept: 'application/vnd.github+json',
    authorization: `token ${process.env.GITHUB_TOKEN ?? FALLBACK_GITHUB_TOKEN}`,
    'x-github-api-version': '2022-11-28',
  },
});

export const githubUploads = got.extend({
  prefixUrl: 'https://uploads.github.com',
  headers: { authorization: `Bearer ${process.env.GITHUB_TOKEN}` },
});

const slackToken = process.env.SLACK_BOT_TOKEN!;

export const slack = ky.create({
  prefixUrl: 'https://slack.com/api',
  headers: { Authorization: `Bearer ${slackToken}` },
});
