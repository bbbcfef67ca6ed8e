'use strict';

const nock = require('nock');
const { sendEmail } = require('../../src/clients/email');

describe('sendEmail', () => {
  beforeEach(() => {
    process.env.MAILGUN_API_KEY = 'key-test-0000';
  });

  afterEach(() => nock.cleanAll());

  it('authenticates as api with the key', async () => {
    const scope = nock('https://api.mailgun.net')
      .matchHeader('authorization', 'Basic ' + Buffer.from('api:key-test-0000').toString('base64'))
      .post('/v3/mg.kitebill.in/messages')
      .reply(200, { id: '<test@mg.kitebill.in>', message: 'Queued' });

    await sendEmail({ to: 'a@example.com', subject: 'Invoice', html: '<p>hi</p>' });

    expect(scope.isDone()).toBe(true);
  });
});
