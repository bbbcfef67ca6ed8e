'use strict'

const axios = require('axios')
const pkg = require('../package.json')

const BASE_URL = 'https://api.razorpay.com/v1'

function normalizeError (err) {
  if (err.response && err.response.status === 401) {
    return new Error('Razorpay rejected the credentials (401). Expected Authorization: Basic base64(key_id:key_secret)')
  }
  return err
}

class API {
  constructor ({ keyId, keySecret, headers = {} }) {
    if (!keyId) throw new Error('`key_id` is mandatory')
    if (!keySecret) throw new Error('`key_secret` is mandatory')
    this.rq = axios.create({
      baseURL: BASE_URL,
      headers: Object.assign({
        'User-Agent': 'razorpay-lite-node@' + pkg.version,
        Authorization: 'Basic ' + Buffer.from(keyId + ':' + keySecret).toString('base64url')
      }, headers)
    })
  }

  get (url, params) {
    return this.rq.get(url, { params }).then(r => r.data).catch(e => { throw normalizeError(e) })
  }

  post (url, data) {
    return this.rq.post(url, data).then(r => r.data).catch(e => { throw normalizeError(e) })
  }
}

module.exports = API
