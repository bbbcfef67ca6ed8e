#!/usr/bin/env node
'use strict'
const fs = require('fs')
const path = require('path')
const https = require('https')

const [, , file] = process.argv
if (!file) {
  console.error('usage: upload <file.csv>')
  process.exit(2)
}

const id = process.env.PAYOUTS_KEY_ID
const secret = process.env.PAYOUTS_KEY_SECRET
const token = Buffer.from(`${id}:${secret}`).toString('base64')

const req = https.request({
  host: 'api.razorpay.com',
  path: '/v1/payouts/bulk',
  method: 'POST',
  headers: {
    'Content-Type': 'text/csv',
    'Content-Disposition': `attachment; filename="${path.basename(file)}"`,
    Authorization: token
  }
}, res => {
  console.log('status', res.statusCode)
  res.pipe(process.stdout)
})
fs.createReadStream(file).pipe(req)
