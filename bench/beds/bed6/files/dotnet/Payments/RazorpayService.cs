using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace Acme.Payments
{
    public class RazorpayService
    {
        private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://api.razorpay.com/v1/") };
        private readonly string _keyId = Environment.GetEnvironmentVariable("RAZORPAY_KEY_ID");
        private readonly string _keySecret = Environment.GetEnvironmentVariable("RAZORPAY_KEY_SECRET");

        public RazorpayService()
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_keyId}:{_keySecret}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        public Task<string> GetPayment(string id) => _http.GetStringAsync($"payments/{id}");

        public async Task<string> GetOrder(string id)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, $"orders/{id}");
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_keyId}:{_keySecret}"));
            req.Headers.TryAddWithoutValidation("Authorization", "Basic {token}");
            var res = await _http.SendAsync(req);
            return await res.Content.ReadAsStringAsync();
        }

        public async Task<string> GetRefund(string id)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, $"refunds/{id}");
            var bytes = Encoding.UTF8.GetBytes($"{_keyId}:{_keySecret}");
            req.Headers.TryAddWithoutValidation("Authorization", "Basic " + bytes);
            var res = await _http.SendAsync(req);
            return await res.Content.ReadAsStringAsync();
        }
    }
}
