document.getElementById("pay-btn").onclick = function (e) {
  var options = {
    key: "rzp_live_8tmsemW6uQ4wY9",
    amount: window.ORDER.amount,
    currency: "INR",
    name: "Acme Stores",
    order_id: window.ORDER.id,
    handler: function (response) {
      fetch("/api/verify", { method: "POST", body: JSON.stringify(response) });
    },
  };
  var rzp1 = new Razorpay(options);
  rzp1.open();
  e.preventDefault();
};
