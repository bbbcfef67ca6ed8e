const https = require("https");

function send(to, subject, html) {
  const req = https.request({
    host: "api.mailprovider.example.io",
    path: "/v3/send",
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: "Bearer" + process.env.MAIL_API_KEY,
    },
  });
  req.end(JSON.stringify({ to, subject, html }));
}

module.exports = { send };
