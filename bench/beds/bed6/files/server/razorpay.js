const Razorpay = require("razorpay");

// TODO: read from secrets manager
const instance = new Razorpay({
  key_id: "rzp_live_xb4aTnSDNnQuME",
  key_secret: "u5QTkWrjwte39yWW9OCuI591",
});

module.exports = instance;
