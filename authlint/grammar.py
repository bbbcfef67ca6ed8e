"""The Authorization header grammar, written once from the RFCs' ABNF.

Each rule is a module-level *str* regex named after its ABNF rule, with the ABNF and its source
quoted above it (python-hyper/h11's ``_abnf.py`` is the model). Rules compose with ``format``; the
parser, the CLI and the Hypothesis strategies all compile from these strings, so the grammar the
tests generate from is the grammar the parser enforces.

Character classes are spelled out in ASCII (``[A-Za-z]``, never ``\\w``, which matches Unicode
letters) and repeated runs are bounded and made of classes disjoint from what follows them, so
no pattern here can backtrack more than linearly.

Where the RFCs leave room, the choice is documented next to the rule it affects, and summarised in
``PROFILE_CHOICES``.
"""

from __future__ import annotations

from authlint import placeholder as _placeholder
from authlint.lazyre import lazy

# The longest run of token, token68 or quoted-string characters any rule accepts. Servers cap a
# whole header section at 8-16 KiB (nginx 8 KiB per line by default), so nothing longer reaches
# an origin server; the bound keeps every quantifier finite.
MAX_RUN = 16384

# RFC 5234 Appendix B.1 (core rules), https://www.rfc-editor.org/rfc/rfc5234#appendix-B.1
#
#   ALPHA  = %x41-5A / %x61-7A   ; A-Z / a-z
#   DIGIT  = %x30-39             ; 0-9
#   SP     = %x20
#   HTAB   = %x09
#   CTL    = %x00-1F / %x7F      ; controls
#   VCHAR  = %x21-7E
SP = " "
HTAB = "\t"
CTL = r"[\x00-\x1f\x7f]"
# A CTL other than HTAB: HTAB is reported as whitespace, everything else as a control character.
CTL_NOT_HTAB = r"[\x00-\x08\x0a-\x1f\x7f]"

# RFC 9110 §5.6.3, https://www.rfc-editor.org/rfc/rfc9110#section-5.6.3
#
#   OWS = *( SP / HTAB )
#   BWS = OWS
OWS = rf"[ \t]{{0,{MAX_RUN}}}"
BWS = OWS

# RFC 9110 §5.6.2, https://www.rfc-editor.org/rfc/rfc9110#section-5.6.2
#
#   token = 1*tchar
#   tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
#         / DIGIT / ALPHA
tchar = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]"
token = rf"{tchar}{{1,{MAX_RUN}}}"

# RFC 9110 §5.6.4, https://www.rfc-editor.org/rfc/rfc9110#section-5.6.4
#
#   quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
#   qdtext        = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
#   quoted-pair   = "\" ( HTAB / SP / VCHAR / obs-text )
#
# RFC 9110 §5.5: obs-text = %x80-FF. A str value stands for ISO-8859-1 octets (bytes are decoded
# that way), so obs-text is U+0080-U+00FF and nothing above.
obs_text = r"[\x80-\xff]"
qdtext = r"[\t \x21\x23-\x5b\x5d-\x7e\x80-\xff]"
quoted_pair = r"\\[\t \x21-\x7e\x80-\xff]"
# qdtext excludes the backslash that starts a quoted-pair: the alternatives are disjoint.
quoted_string = rf'"(?:{qdtext}|{quoted_pair}){{0,{MAX_RUN}}}"'

# RFC 9110 §11.1, https://www.rfc-editor.org/rfc/rfc9110#section-11.1
#
#   auth-scheme = token
#
# "It uses a case-insensitive token": the rfc profile compares schemes case-insensitively; the
# strict profile (Razorpay) takes exactly `Basic` or `Bearer`.
auth_scheme = token

# RFC 9110 §11.2, https://www.rfc-editor.org/rfc/rfc9110#section-11.2
#
#   token68    = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
#   auth-param = token BWS "=" BWS ( token / quoted-string )
token68_char = r"[A-Za-z0-9\-._~+/]"
token68 = rf"{token68_char}{{1,{MAX_RUN}}}={{0,{MAX_RUN}}}"
auth_param = rf"{token}{BWS}={BWS}(?:{token}|{quoted_string})"
# The same rule with its parts named, to read the params out of a validated list with finditer.
# The look-behind starts a name only where a token starts: without it, a search retried a long
# run of tchars from each of its positions (quadratic on text that is not a list).
auth_param_named = (
    rf"(?<!{tchar})(?P<name>{token}){BWS}={BWS}(?:(?P<token>{token})|(?P<quoted>{quoted_string}))"
)

# RFC 9110 §5.6.1, https://www.rfc-editor.org/rfc/rfc9110#section-5.6.1
#
#   #element => [ element ] *( OWS "," OWS [ element ] )     ; what a recipient accepts
#
# Choice: the rfc profile accepts empty list elements, as §5.6.1.2 tells recipients to, but needs
# at least one auth-param (a scheme followed by spaces and commas only carries no credentials).
# OWS may precede any comma, the first included (`Digest \t, a=b`), and follows a comma only:
# nothing but 1*SP comes before a first element (`Digest \ta=b` is not a list), and nothing
# follows the last one (RFC 9110 §5.5, "a field value does not include leading or trailing
# whitespace").
# Every repeated piece is "OWS then a comma" or "OWS then a param"; a param starts with a tchar,
# disjoint from SP, HTAB and ",", so a failed match backtracks over each run of OWS once.
auth_param_list = (
    rf"(?:(?:[ \t]{{0,{MAX_RUN}}},){{1,{MAX_RUN}}}[ \t]{{0,{MAX_RUN}}})?{auth_param}"
    rf"(?:[ \t]{{0,{MAX_RUN}}},(?:[ \t]{{0,{MAX_RUN}}}{auth_param})?){{0,{MAX_RUN}}}"
)

# RFC 9110 §11.4, https://www.rfc-editor.org/rfc/rfc9110#section-11.4
#
#   credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
#
# A value matching token68 is read as token68 (`a=` is a token68, never an auth-param: a param
# needs a value).
# The 1*SP is possessive: the list may start with OWS, and giving spaces back to it would make
# a failed match quadratic in the run of spaces without changing what matches.
credentials = (
    rf"(?P<scheme>{auth_scheme})(?: {{1,{MAX_RUN}}}+(?P<rest>{token68}|{auth_param_list}))?"
)

# RFC 4648 §4, https://www.rfc-editor.org/rfc/rfc4648#section-4 (the base64 alphabet), §3.2
# (padding) and §3.5 (canonical encoding).
#
#   Value 0-25 "A"-"Z", 26-51 "a"-"z", 52-61 "0"-"9", 62 "+", 63 "/"; pad "="
#   "Implementations MUST include appropriate pad characters at the end of encoded data unless
#    the specification referring to this document explicitly states otherwise." (§3.2)
#   "decoders MAY chose to reject an encoding if the pad bits have not been set to zero" (§3.5)
#
# Canonical: a final group of two characters then "==" carries 8 bits in 12, so the second
# character's low 4 bits are zero (values 0, 16, 32, 48: A, Q, g, w); a final group of three
# then "=" carries 16 bits in 18, so the third character's low 2 bits are zero (multiples of 4).
base64_char = r"[A-Za-z0-9+/]"
BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
ZERO_LOW4 = "AQgw"
ZERO_LOW2 = "AEIMQUYcgkosw048"
base64_quad = rf"{base64_char}{{4}}"
base64_final = rf"{base64_quad}|{base64_char}[{ZERO_LOW4}]==|{base64_char}{{2}}[{ZERO_LOW2}]="
base64_canonical = rf"(?:{base64_quad}){{0,{MAX_RUN // 4}}}(?:{base64_final})"

# RFC 7617 §2, https://www.rfc-editor.org/rfc/rfc7617#section-2
#
#   credentials = "Basic" 1*SP token68   (via RFC 9110 §11.4; the token68 is base64 of user-pass)
#   user-pass   = userid ":" password
#   userid      = *<TEXT excluding ":">
#   password    = *TEXT
#   "The user-id and password MUST NOT contain any control characters"
#
# Choices for the rfc profile (both profiles share the strict base64 reading):
# - padding is required: RFC 7617 names RFC 4648 §4 and states no exception to §3.2;
# - non-zero pad bits are rejected (§3.5 allows it): two spellings of one credential decode the
#   same on some servers and fail on others;
# - the decoded octets must be UTF-8: RFC 7617 §2.1 leaves the default charset undefined but
#   names UTF-8 as the only one a server may ask for, and any other reading is a guess;
# - an empty user-id and an empty password are accepted (the ABNF says `*`); the strict profile
#   refuses both, as a Razorpay key id and key secret are never empty.
userid = rf"[^\x00-\x1f\x7f:]{{0,{MAX_RUN}}}"
password = rf"[^\x00-\x1f\x7f]{{0,{MAX_RUN}}}"
user_pass = rf"(?P<userid>{userid}):(?P<password>{password})"
# The strict profile reads "any control characters" as Unicode's (general category Cc): CTL and
# the C1 block U+0080-U+009F of the decoded text, which terminals and logs act on as CTLs (NEL).
CONTROL = r"[\x00-\x1f\x7f-\x9f]"
strict_userid = rf"[^\x00-\x1f\x7f-\x9f:]{{1,{MAX_RUN}}}"
strict_password = rf"[^\x00-\x1f\x7f-\x9f]{{1,{MAX_RUN}}}"

# RFC 6750 §2.1, https://www.rfc-editor.org/rfc/rfc6750#section-2.1
#
#   b64token    = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
#   credentials = "Bearer" 1*SP b64token
b64token = token68

# The strict profile: Razorpay's documented format, and RFC 6750 with no slack.
strict_basic = rf"Basic (?P<basic>{base64_canonical})"
strict_bearer = rf"Bearer (?P<bearer>{b64token})"
strict_credentials = rf"{strict_basic}|{strict_bearer}"

# The rfc profile's Basic and Bearer: case-insensitive scheme, 1*SP. Every case-insensitive
# group here is also ASCII-only (`(?ai:`): Unicode case folding would let U+017F (long s) match
# `s`, U+0131 (dotless i) match `i` and U+212A (Kelvin sign) match `k`.
rfc_basic = rf"(?ai:basic) {{1,{MAX_RUN}}}(?P<basic>{base64_canonical})"
rfc_bearer = rf"(?ai:bearer) {{1,{MAX_RUN}}}(?P<bearer>{b64token})"

# --- Not ABNF: the shapes of common mistakes, which the parser names precisely. ---

# A field name pasted into the value: `Authorization: Basic ...` (RFC 9110 §5.1 field-name ":").
field_name_prefix = r"(?ai:(?:proxy-)?authorization)[ \t]{0,64}:[ \t]{0,64}"

# Unexpanded variables: shell `$x` / `${x}`, Jinja/Mustache/Go `{{x}}`, printf `%s`, Python
# `%(x)s`, Ruby `#{x}`. None of `$ { } % #` is in the base64 or b64token alphabet, so a match is
# never part of a real token.
variable = (
    r"\$\{[^{}\s]{1,100}\}"
    r"|\$[A-Za-z_][A-Za-z0-9_]{0,100}"
    r"|\{\{[^{}]{1,100}\}\}"
    r"|%\([A-Za-z_][A-Za-z0-9_]{0,100}\)[sd]"
    r"|%[sd]"
    r"|#\{[^{}]{1,100}\}"
)

# Documentation placeholders: the one vocabulary lives in authlint/placeholder.py (shared with the
# checks and extractors). Bracketed forms and the `base64(...)` notation hold characters no token
# has; the word forms must fill the whole credentials (after quotes), so a real token that happens
# to contain `your` is never one.
placeholder_wrapped = _placeholder.WRAPPED
placeholder_word = _placeholder.WORD

PROFILES = ("strict", "rfc")

PROFILE_CHOICES = {
    "strict": "Scheme exactly `Basic` or `Bearer`, one SP, canonical padded base64 decoding to "
    "UTF-8 `user-id:password` with both parts non-empty and no C0, DEL or C1 control character; "
    "nothing before or after.",
    "rfc": "RFC 9110 §11.4 with a case-insensitive scheme and 1*SP; Basic per RFC 7617 (padding "
    "required, pad bits zero, UTF-8, empty user-id/password allowed); Bearer per RFC 6750 §2.1; "
    "any other scheme as a token68 or a list of at least one auth-param.",
}

# Compiled forms, shared by every importer and compiled at first use (authlint.lazyre): a file
# with no header in it never compiles the grammar.
credentials_re = lazy(credentials)
token_re = lazy(token)
token68_re = lazy(token68)
auth_param_re = lazy(auth_param)
auth_param_named_re = lazy(auth_param_named)
auth_param_list_re = lazy(auth_param_list)
b64token_re = lazy(b64token)
base64_canonical_re = lazy(base64_canonical)
strict_credentials_re = lazy(strict_credentials)
user_pass_re = lazy(user_pass)
ctl_re = lazy(CTL)
control_re = lazy(CONTROL)
ctl_not_htab_re = lazy(CTL_NOT_HTAB + "+")
field_name_prefix_re = lazy(field_name_prefix)
variable_re = lazy(variable)
placeholder_wrapped_re = lazy(placeholder_wrapped)
placeholder_word_re = lazy(placeholder_word)
