using System;
using System.Net.Http;
using System.Text;

namespace Acme.Payments
{
    public static class HeaderBuilder
    {
        public static void Apply(HttpRequestMessage req, string id, string secret)
        {
            var sb = new StringBuilder();
            sb.Append("Basic ");
            sb.Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));
            req.Headers.TryAddWithoutValidation("Authorization", sb.ToString());
        }

        public static void ApplyQuoted(HttpRequestMessage req, string token)
        {
            req.Headers.TryAddWithoutValidation("Authorization", $"Bearer \"{token}\"");
        }

        public static void ApplyUrl(HttpRequestMessage req, string id, string secret)
        {
            var t = Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)).Replace('+', '-').Replace('/', '_');
            req.Headers.TryAddWithoutValidation("Authorization", "Basic " + t);
        }
    }
}
