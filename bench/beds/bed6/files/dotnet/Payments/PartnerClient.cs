using System;
using System.Net.Http;
using System.Text;

namespace Acme.Payments
{
    public class PartnerClient
    {
        private readonly HttpClient _http = new HttpClient();

        public void Configure(string token)
        {
            _http.DefaultRequestHeaders.Add("Authorization", string.Format("BASIC {0}", token));
        }

        public void ConfigureBearer()
        {
            var t = Environment.GetEnvironmentVariable("PARTNER_TOKEN");
            _http.DefaultRequestHeaders.Add("Authorization", $"Bearer {t}");
        }

        public void ConfigureLegacy(string user, string pass)
        {
            var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + pass));
            _http.DefaultRequestHeaders.Add("Authorization", "Basic " + b64);
        }
    }
}
