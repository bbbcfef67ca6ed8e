using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Settlement.Api.Auth;

public sealed class BasicAuthHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly IClientStore _clients;

    public BasicAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
        UrlEncoder encoder, IClientStore clients) : base(options, logger, encoder) => _clients = clients;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderNames.Authorization, out var values))
            return AuthenticateResult.NoResult();

        if (!AuthenticationHeaderValue.TryParse(values.ToString(), out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
            return AuthenticateResult.Fail("Authorization must be 'Basic <base64(client_id:client_secret)>'");

        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter)); }
        catch (FormatException) { return AuthenticateResult.Fail("malformed Basic credentials"); }

        var sep = decoded.IndexOf(':');
        if (sep <= 0) return AuthenticateResult.Fail("Basic credentials need client_id:client_secret");
        var clientId = decoded[..sep];
        if (!await _clients.VerifyAsync(clientId, decoded[(sep + 1)..]))
        {
            Logger.LogWarning("basic auth failed for {ClientId} ({Header})", clientId, "Basic ****");
            return AuthenticateResult.Fail("invalid client credentials");
        }
        var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, clientId) }, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"settlement\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }
}
