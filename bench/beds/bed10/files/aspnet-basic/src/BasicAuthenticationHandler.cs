using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

public class BasicAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly IUserService _users;

    public BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger, UrlEncoder encoder, IUserService users) : base(options, logger, encoder)
    {
        _users = users;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.ContainsKey("Authorization"))
            return AuthenticateResult.Fail("Missing Authorization Header");
        try
        {
            var header = AuthenticationHeaderValue.Parse(Request.Headers["Authorization"]);
            if (!"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase))
                return AuthenticateResult.NoResult();
            var bytes = Convert.FromBase64String(header.Parameter ?? "");
            var parts = Encoding.UTF8.GetString(bytes).Split(':', 2);
            var user = await _users.Authenticate(parts[0], parts[1]);
            if (user == null) return AuthenticateResult.Fail("Invalid Username or Password");
            var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, user.Username) }, Scheme.Name);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
        }
        catch
        {
            return AuthenticateResult.Fail("Invalid Authorization Header");
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers["WWW-Authenticate"] = "Basic realm=\"api\", charset=\"UTF-8\"";
        return base.HandleChallengeAsync(properties);
    }
}
