"""Translation catalogs: their keys name UI strings, their values are translations.

`"authorization": "Autorisation"` in `locales/fr.json` is a label, not an Authorization header;
`"password": "Parola"` beside `"username": "Kullanici"` is two labels, not a credential pair.
"""

from __future__ import annotations

import pytest

from authlint.codes import Code
from authlint.config import Settings
from authlint.scan import scan_text

ALL = Settings().with_selection()
CATALOG = (
    "{\n"
    '  "auth": {\n'
    '    "authorization": "Diese Anfrage verwendet keine Autorisierung",\n'
    '    "header": "Authentifizierung",\n'
    '    "username": "Benutzername",\n'
    '    "password": "Kennwort"\n'
    "  }\n"
    "}\n"
)
CATALOG_YAML = "de:\n  auth:\n    authorization: Autorisierung erforderlich\n"


def _codes(path: str, source: str, kind: str) -> list[Code]:
    return [f.code for f in scan_text(path, source, ALL, kind)]


@pytest.mark.parametrize(
    "path",
    [
        "packages/app/locales/de.json",
        "src/locale/de.json",
        "public/i18n/de.json",
        "assets/l10n/de.json",
        "translations/de.json",
        "lang/de.json",
    ],
)
def test_a_catalog_holds_no_header_or_credentials(path: str) -> None:
    assert _codes(path, CATALOG, "json") == []


def test_a_yaml_catalog_too() -> None:
    assert _codes("config/locales/de.yml", CATALOG_YAML, "yaml") == []


def test_the_same_settings_elsewhere_are_read() -> None:
    # Outside a catalog the keys name a header and a credential pair: the rules judge them.
    assert _codes("config/client.json", CATALOG, "json") != []
    assert _codes("src/language/de.json", CATALOG, "json") != []  # not a catalog directory


def test_a_provider_key_in_a_catalog_is_still_found() -> None:
    # Key shapes are found in the text, not through the settings a catalog does not have.
    key = "rzp_" + "live_" + "Q2xW8nTz5Rk3Vb"
    source = '{\n  "help": "Pay with key ' + key + '"\n}\n'
    assert Code.LIVE_KEY_ID in _codes("locales/en.json", source, "json")
