'use strict';

const express = require('express');
const crypto = require('node:crypto');
const { resendPaymentLink } = require('../clients/razorpay');

const router = express.Router();

function requireServiceToken(req, res, next) {
  const header = req.get('authorization') || '';
  if (!header.startsWith('Bearer ')) {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="notify"').end();
  }
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(process.env.INTERNAL_TOKEN || '');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return res.status(403).end();
  }
  return next();
}

router.post('/internal/recon-finished', requireServiceToken, (req, res) => {
  req.log.info({ date: req.body.date }, 'recon finished');
  res.status(202).end();
});

router.post('/internal/payment-links/:id/remind', requireServiceToken, async (req, res, next) => {
  try {
    res.json(await resendPaymentLink(req.params.id, req.body.medium));
  } catch (err) {
    next(err);
  }
});

module.exports = router;
