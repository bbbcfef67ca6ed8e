// Authorization: basic auth for the admin API is added by the nginx proxy, not here.
function loadRefunds(id, secret) {
  var xhr = new XMLHttpRequest();
  xhr.open("GET", "https://api.razorpay.com/v1/refunds?count=50");
  xhr.setRequestHeader("Authorization", "Basic " + window.btoa(unescape(encodeURIComponent(id + secret))));
  xhr.send();
  return xhr;
}

function loadMe() {
  var xhr = new XMLHttpRequest();
  xhr.open("GET", "/admin/api/me");
  xhr.setRequestHeader("Authorization", "Bearer " + sessionStorage.getItem("adminToken"));
  xhr.send();
  return xhr;
}
