import nock from 'nock'
import { RelayClient } from '../src/client'

const client = new RelayClient({ apiKey: 'test-api-key', baseUrl: 'https://api.relay.test/v2' })

test('lists messages', async () => {
  const scope = nock('https://api.relay.test')
    .matchHeader('authorization', 'Bearer test-api-key')
    .get('/v2/messages')
    .reply(200, [])
  await client.listMessages()
  scope.done()
})

test('401 bubbles up', async () => {
  nock('https://api.relay.test').get('/v2/messages').reply(401, { error: 'invalid_token' })
  await expect(client.listMessages()).rejects.toThrow('Unauthorized')
})
