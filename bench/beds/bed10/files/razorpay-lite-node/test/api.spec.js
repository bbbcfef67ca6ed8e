const nock = require('nock')
const { expect } = require('chai')
const API = require('../lib/api')

describe('API', () => {
  const api = new API({ keyId: 'key_id', keySecret: 'key_secret' })

  afterEach(() => nock.cleanAll())

  it('sends basic auth', async () => {
    nock('https://api.razorpay.com', {
      reqheaders: { authorization: 'Basic a2V5X2lkOmtleV9zZWNyZXQ=' }
    })
      .get('/v1/orders')
      .reply(200, { items: [] })
    const res = await api.get('/orders')
    expect(res.items).to.have.length(0)
  })

  it('maps 401 to a readable error', async () => {
    nock('https://api.razorpay.com').get('/v1/orders').reply(401, {
      error: { code: 'BAD_REQUEST_ERROR', description: 'The api key provided is invalid' }
    })
    try {
      await api.get('/orders')
    } catch (e) {
      expect(e.message).to.match(/Authorization: Basic/)
    }
  })
})
