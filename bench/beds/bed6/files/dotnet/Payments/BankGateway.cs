using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Acme.Payments
{
    public class BankGateway
    {
        private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://openapi.partner-bank.co.in/") };

        public void UseWrapped(string user, string pass)
        {
            var t = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + pass), Base64FormattingOptions.InsertLineBreaks);
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", t);
        }

        public void UseUrl(string user, string pass)
        {
            var t = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(user + ":" + pass));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", t);
        }

        public void UseBearer()
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Environment.GetEnvironmentVariable("BANK_TOKEN"));
        }
    }
}
