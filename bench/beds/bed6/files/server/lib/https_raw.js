const https = require("https");

function capture(paymentId, amount) {
  const req = https.request({
    host: "api.razorpay.com",
    path: `/v1/payments/${paymentId}/capture`,
    method: "POST",
    auth: process.env.RZP_KEY_ID + ":" + process.env.RZP_KEY_SECRET,
    headers: { "Content-Type": "application/json" },
  });
  req.end(JSON.stringify({ amount, currency: "INR" }));
}

function ping() {
  const req = https.request({
    host: "api.razorpay.com",
    path: "/v1/payments?count=1",
    headers: { "Authorization": "Basic " + Buffer.from(process.env.RZP_KEY_ID + ":").toString("base64") },
  });
  req.end();
}

module.exports = { capture, ping };
